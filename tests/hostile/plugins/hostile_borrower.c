/* Defines no descriptor, but links a library that does: dlsym() on the
 * borrower's handle finds the dependency's, which is not the borrower's. */
extern __attribute__((visibility("default"))) int hostile_borrower(void);
int hostile_borrower(void)
{
    return 0;
}
