/* closed_pipe CMD [ARG...]: runs CMD with its standard output a pipe whose
 * reader is already gone and SIGPIPE ignored, as under a supervisor or
 * Python's subprocess (restore_signals=False): every write fails with
 * EPIPE instead of killing CMD.  Exits with CMD's status, 128 + N if a
 * signal N killed it, 127 if it could not be run. */
#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    int fds[2];
    if (argc < 2 || pipe(fds) != 0) {
        fprintf(stderr, "usage: closed_pipe CMD [ARG...]\n");
        return 127;
    }
    close(fds[0]); /* the reader is gone before the first write */
    signal(SIGPIPE, SIG_IGN); /* kept across exec */
    pid_t pid = fork();
    if (pid == 0) {
        dup2(fds[1], STDOUT_FILENO);
        close(fds[1]);
        execvp(argv[1], argv + 1);
        perror(argv[1]);
        _exit(127);
    }
    close(fds[1]);
    int st;
    if (pid < 0 || waitpid(pid, &st, 0) != pid)
        return 127;
    return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}
