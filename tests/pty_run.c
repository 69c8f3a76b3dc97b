/* pty_run COLS OUT CMD [ARG...]: runs CMD with its standard output on a
 * new pseudo-terminal COLS columns wide (0: the size is left unset, 0x0)
 * and copies what it (and any child of it) writes there until it exits
 * to the file OUT, byte for byte (no CR is added before LF).  Standard input and error are left as they are.
 * Exits as CMD did (128 + the signal if one killed it), 125 if the
 * terminal could not be made.  For the tests of bkerr's terminal output:
 * widths, colour and the pager (tests/cli_term.sh). */
#include <errno.h>
#include <stdbool.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

static int fail(const char *what)
{
    perror(what);
    return 125;
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: pty_run COLS OUT CMD [ARG...]\n");
        return 125;
    }
    int master = posix_openpt(O_RDWR | O_NOCTTY);
    if (master < 0 || grantpt(master) != 0 || unlockpt(master) != 0)
        return fail("pty_run: posix_openpt");
    const char *name = ptsname(master);
    int slave = name ? open(name, O_RDWR | O_NOCTTY) : -1;
    if (slave < 0)
        return fail("pty_run: open the terminal");
    struct winsize ws = {.ws_row = 24, .ws_col = (unsigned short)atoi(argv[1])};
    if (ws.ws_col > 0 && ioctl(master, TIOCSWINSZ, &ws) != 0)
        return fail("pty_run: TIOCSWINSZ");
    struct termios t;
    if (tcgetattr(slave, &t) != 0)
        return fail("pty_run: tcgetattr");
    t.c_oflag &= ~(tcflag_t)OPOST; /* no CR before each LF */
    t.c_lflag &= ~(tcflag_t)ECHO;
    if (tcsetattr(slave, TCSANOW, &t) != 0)
        return fail("pty_run: tcsetattr");
    FILE *out = fopen(argv[2], "wb");
    if (!out)
        return fail(argv[2]);
    pid_t pid = fork();
    if (pid < 0)
        return fail("pty_run: fork");
    if (pid == 0) {
        close(master);
        setsid();
        ioctl(slave, TIOCSCTTY, 0); /* /dev/tty is this terminal */
        dup2(slave, STDOUT_FILENO);
        close(slave);
        execvp(argv[3], argv + 3);
        perror(argv[3]);
        _exit(127);
    }
    /* The slave stays open here: when its last holder closed it, Linux
     * could hang the terminal up before the master had been handed the
     * last bytes written (about one run in twenty lost a pager's last
     * line).  Once CMD has exited, a marker is written after its output
     * and the master is read up to the marker, which the file loses. */
    static const char marker[] = "\0pty_run: the end\0";
    const size_t mlen = sizeof marker - 1;
    char buf[4096], tail[sizeof marker] = {0};
    size_t total = 0;
    int status = 0;
    bool exited = false;
    for (;;) {
        struct pollfd p = {.fd = master, .events = POLLIN};
        int ready = poll(&p, 1, exited ? -1 : 10);
        if (ready < 0 && errno == EINTR)
            continue;
        if (ready < 0)
            return fail("pty_run: poll");
        if (ready > 0) {
            ssize_t n = read(master, buf, sizeof buf);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                return fail("pty_run: read");
            fwrite(buf, 1, (size_t)n, out);
            total += (size_t)n;
            for (ssize_t i = 0; i < n; i++) { /* the last mlen bytes */
                memmove(tail, tail + 1, mlen - 1);
                tail[mlen - 1] = buf[i];
            }
            if (exited && total >= mlen && memcmp(tail, marker, mlen) == 0)
                break;
            continue;
        }
        if (exited)
            continue;
        pid_t done = waitpid(pid, &status, WNOHANG);
        if (done < 0 && errno != EINTR)
            return fail("pty_run: waitpid");
        if (done == pid) {
            exited = true;
            if (write(slave, marker, mlen) != (ssize_t)mlen)
                return fail("pty_run: write the marker");
        }
    }
    close(slave);
    if (fflush(out) != 0 || ftruncate(fileno(out), (off_t)(total - mlen)) != 0)
        return fail(argv[2]);
    fclose(out);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}
