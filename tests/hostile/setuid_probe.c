/* What a setuid program that uses libbkerr sees: AT_SECURE, the config
 * path bkerr_default_config() picks, and what bkerr_open(NULL) tries.
 * test_hostile runs it setuid root as uid 65534 with $BKERR_CONFIG set.
 * libbkerr comes by dlopen(argv[1]): a setuid program ignores $ORIGIN run
 * paths, so linking it would not find the built library. */
#include <dlfcn.h>
#include <stdio.h>
#include <sys/auxv.h>

#include <bkerr/bkerr.h>

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s LIBBKERR\n", argv[0]);
        return 2;
    }
    void *h = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
    if (!h) {
        printf("dlopen: %s\n", dlerror());
        return 3;
    }
    const struct bkerr_api *(*get)(uint32_t);
    *(void **)&get = dlsym(h, "bkerr_api");
    const struct bkerr_api *api = get ? get(1) : NULL;
    if (!api) {
        printf("no bkerr_api\n");
        return 4;
    }
    printf("secure=%lu\nconfig=%s\n", getauxval(AT_SECURE),
           api->default_config());
    char err[BKERR_ERRMSG_SIZE] = "";
    bkerr_registry *reg = NULL;
    int rc = api->open(NULL, &reg, err, sizeof err);
    printf("open=%d\nerr=%s\n", rc, err);
    api->close(reg);
    dlclose(h);
    return 0;
}
