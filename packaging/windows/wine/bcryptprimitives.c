/* Stand-in for Windows 10's bcryptprimitives.dll, which Wine 8 lacks: `cryptography`'s Rust extension
 * imports ProcessPrng from it. Fills the buffer from RtlGenRandom (advapi32's SystemFunction036), which
 * Wine has. Built into the CI's Wine prefix only (packaging/windows/ci.py), never into the bundle. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length); /* RtlGenRandom */

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x40000000 ? 0x40000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
