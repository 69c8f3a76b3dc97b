/* bkerr_catalog is a function, not a descriptor. */
extern __attribute__((visibility("default"))) int bkerr_catalog(void);
int bkerr_catalog(void)
{
    return 42;
}
