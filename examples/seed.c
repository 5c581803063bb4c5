/* The seed scenario of NumPy's tutorial on views and copies, written with nda. */
#include <nda.h>

#include <stdio.h>

static void show(const char *label, const nda_array *x)
{
    printf("%s = ", label);
    nda_print(stdout, x);
    printf("\n");
}

int main(void)
{
    nda_array *a = nda_arange(6);
    nda_array *b = a; /* same object */
    printf("b is a: %s\n", b == a ? "True" : "False");
    b = nda_slice(a, 0, 0, 3, 1); /* a view */
    printf("b is a: %s, b.base is a: %s\n", b == a ? "True" : "False",
           nda_base(b) == a ? "True" : "False");
    nda_set1(b, 0, 100);
    show("a", a);
    nda_array *c = nda_copy(a);
    nda_set1(c, 0, 0);
    show("a", a);
    show("c", c);
    printf("np.may_share_memory(a, b): %s\n", nda_may_share_memory(a, b) ? "True" : "False");
    printf("np.may_share_memory(a, c): %s\n", nda_may_share_memory(a, c) ? "True" : "False");
    printf("a.base is None: %s\n", nda_base(a) == NULL ? "True" : "False");
    printf("c.base is None: %s\n", nda_base(c) == NULL ? "True" : "False");
    nda_release(c);
    nda_release(b);
    nda_release(a);
    return 0;
}
