/* The fixed shifts: memmove and wmemmove move overlapping ranges correctly (C11 7.24.2.2), so
 * shifting a buffer right by one and a wide string left by one through them is fine: memmove
 * has no overlap contract, no VC002. */
#include <stdio.h>
#include <string.h>
#include <wchar.h>

int main(void)
{
    char buf[16] = "abcdef";
    memmove(buf + 1, buf, strlen(buf) + 1);
    buf[0] = '>';
    wchar_t ws[16] = L"xhello";
    wmemmove(ws, ws + 1, wcslen(ws));
    printf("%s %ls\n", buf, ws);
    return 0;
}
