# Assertions shared by the shell end-to-end tests (e2e.sh, cli_*.sh).
# Source it after setting $tmp, a scratch directory; end the test with
# `summary`.

passed=0
failed=0
what=""   # the command line of the last run, for failure reports
rc=0
out=""
err=""

# run CMD...: runs it with stdin from /dev/null, keeping its exit status in
# $rc, and stdout and stderr in $tmp/stdout, $tmp/stderr, $out and $err.
run() {
    run_in /dev/null "$@"
}

# run_in FILE CMD...: the same with stdin from FILE.
run_in() {
    input=$1
    shift
    what="$*"
    set +e
    "$@" <"$input" >"$tmp/stdout" 2>"$tmp/stderr"
    rc=$?
    set -e
    out=$(cat "$tmp/stdout")
    err=$(cat "$tmp/stderr")
}

pass() {
    passed=$((passed + 1))
}

# fail DESC EXPECTED GOT
fail() {
    failed=$((failed + 1))
    printf 'FAIL: %s\n  command:  %s\n  expected: %s\n  got:      %s\n' \
        "$1" "$what" "$2" "$3"
}

# exit_is N: the last run exited N.
exit_is() {
    if [ "$rc" -eq "$1" ]; then
        pass
    else
        fail "exit status" "exit $1" "exit $rc; stdout: $out; stderr: $err"
    fi
}

# out_has TEXT / err_has TEXT: the last run's stdout / stderr holds TEXT.
out_has() {
    case $out in
    *"$1"*) pass ;;
    *) fail "stdout" "stdout containing '$1'" \
           "$(printf '%s' "$out" | head -c 2000); stderr: $err" ;;
    esac
}
err_has() {
    case $err in
    *"$1"*) pass ;;
    *) fail "stderr" "stderr containing '$1'" "$err" ;;
    esac
}

# out_lacks TEXT / out_empty / err_empty
out_lacks() {
    case $out in
    *"$1"*) fail "stdout" "stdout without '$1'" "$out" ;;
    *) pass ;;
    esac
}
out_empty() {
    if [ -z "$out" ]; then pass; else fail "stdout" "nothing on stdout" "$out"; fi
}
err_empty() {
    if [ -z "$err" ]; then pass; else fail "stderr" "nothing on stderr" "$err"; fi
}

# out_count TEXT N: TEXT occurs on exactly N lines of stdout.
out_count() {
    n=$(printf '%s\n' "$out" | grep -c -F -- "$1" || true)
    if [ "$n" -eq "$2" ]; then
        pass
    else
        fail "stdout" "$2 line(s) containing '$1'" "$n in: $out"
    fi
}

# equals DESC EXPECTED GOT
equals() {
    if [ "$2" = "$3" ]; then pass; else fail "$1" "$2" "$3"; fi
}

# same DESC EXPECTED-FILE GOT-FILE: the two files are byte for byte equal.
same() {
    if cmp -s "$2" "$3"; then
        pass
    else
        fail "$1" "$(od -c "$2" | head -n 20)" "$(od -c "$3" | head -n 20)"
    fi
}

# summary: the counts; as the test's last command, it fails the test if an
# assertion failed.
summary() {
    echo "$passed passed, $failed failed"
    [ "$failed" -eq 0 ]
}
