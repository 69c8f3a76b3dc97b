/* maxrss FILE CMD [ARG...]: runs CMD (standard streams passed through) and
 * writes its peak resident set size, in KiB (getrusage's ru_maxrss), to
 * FILE; exits with CMD's status, 128 + N if a signal N killed it, 127 if
 * it could not be run.  /usr/bin/time -f %M does the same but is not
 * installed everywhere. */
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: maxrss FILE CMD [ARG...]\n");
        return 127;
    }
    pid_t pid = fork();
    if (pid == 0) {
        execvp(argv[2], argv + 2);
        perror(argv[2]);
        _exit(127);
    }
    int st;
    struct rusage ru;
    if (pid < 0 || wait4(pid, &st, 0, &ru) != pid)
        return 127;
    FILE *f = fopen(argv[1], "w");
    if (!f || fprintf(f, "%ld\n", ru.ru_maxrss) < 0 || fclose(f) != 0) {
        perror(argv[1]);
        return 127;
    }
    return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}
