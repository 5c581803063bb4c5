/* Drops the first wide character of a string by copying the rest one slot to the left with
 * wmemcpy. wmemcpy is memcpy for wchar_t and forbids any overlap (C11 7.29.4.2.3); ws and ws + 1
 * overlap: VC002 at the call (wmemmove was needed). glibc happens to print "hello". */
#include <stdio.h>
#include <wchar.h>

int main(void)
{
    wchar_t ws[16] = L"xhello";
    size_t n = wcslen(ws);
    wmemcpy(ws, ws + 1, n); // expect: VC002
    printf("%ls\n", ws);
    return 0;
}
