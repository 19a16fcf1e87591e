/* Stand-in for Windows 10's system icuuc.dll (1903 and later), which Wine 8 lacks: Qt 6's QtCore imports
 * these 20 ICU converter functions from it (`x86_64-w64-mingw32-objdump -p Qt6Core.dll`), and without the
 * DLL `import PySide6.QtCore` fails with "DLL load failed". Every converter is reported missing, so Qt uses
 * its built-in UTF-8/UTF-16/Latin-1 codecs, which is all the program needs. Built into the CI's Wine prefix
 * only (packaging/windows/ci.py), never into the bundle. */
#include <stddef.h>
#include <stdint.h>

typedef int UErrorCode;
typedef void UConverter;
typedef uint16_t UChar;
typedef void (*Callback)(void);
#define U_FILE_ACCESS_ERROR 4 /* "the requested converter does not exist" */
#define EXPORT __declspec(dllexport)

static void fail(UErrorCode *error)
{
    if (error && *error <= 0)
        *error = U_FILE_ACCESS_ERROR;
}

EXPORT UConverter *ucnv_open(const char *name, UErrorCode *error) { (void)name; fail(error); return NULL; }
EXPORT void ucnv_close(UConverter *converter) { (void)converter; }
EXPORT void ucnv_reset(UConverter *converter) { (void)converter; }
EXPORT int8_t ucnv_getMaxCharSize(const UConverter *converter) { (void)converter; return 1; }
EXPORT const char *ucnv_getName(const UConverter *converter, UErrorCode *error) { (void)converter; fail(error); return NULL; }
EXPORT int32_t ucnv_countAvailable(void) { return 0; }
EXPORT const char *ucnv_getAvailableName(int32_t n) { (void)n; return NULL; }
EXPORT const char *ucnv_getStandardName(const char *name, const char *standard, UErrorCode *error)
{
    (void)name; (void)standard; fail(error); return NULL;
}

/* Only ever called on a converter, and there is none: they report the error and do nothing. */
EXPORT void ucnv_getToUCallBack(const UConverter *c, Callback *action, const void **context)
{
    (void)c; if (action) *action = NULL; if (context) *context = NULL;
}
EXPORT void ucnv_getFromUCallBack(const UConverter *c, Callback *action, const void **context)
{
    (void)c; if (action) *action = NULL; if (context) *context = NULL;
}
EXPORT void ucnv_setToUCallBack(UConverter *c, Callback a, const void *ctx, Callback *old_a, const void **old_ctx, UErrorCode *error)
{
    (void)c; (void)a; (void)ctx; (void)old_a; (void)old_ctx; fail(error);
}
EXPORT void ucnv_setFromUCallBack(UConverter *c, Callback a, const void *ctx, Callback *old_a, const void **old_ctx, UErrorCode *error)
{
    (void)c; (void)a; (void)ctx; (void)old_a; (void)old_ctx; fail(error);
}
EXPORT void ucnv_toUnicode(UConverter *c, UChar **target, const UChar *target_limit, const char **source,
                           const char *source_limit, int32_t *offsets, int8_t flush, UErrorCode *error)
{
    (void)c; (void)target; (void)target_limit; (void)source; (void)source_limit; (void)offsets; (void)flush; fail(error);
}
EXPORT void ucnv_fromUnicode(UConverter *c, char **target, const char *target_limit, const UChar **source,
                             const UChar *source_limit, int32_t *offsets, int8_t flush, UErrorCode *error)
{
    (void)c; (void)target; (void)target_limit; (void)source; (void)source_limit; (void)offsets; (void)flush; fail(error);
}
EXPORT int32_t ucnv_toUCountPending(const UConverter *c, UErrorCode *error) { (void)c; fail(error); return 0; }
EXPORT int32_t ucnv_fromUCountPending(const UConverter *c, UErrorCode *error) { (void)c; fail(error); return 0; }
EXPORT void ucnv_cbToUWriteUChars(void *args, const UChar *source, int32_t length, int32_t offset, UErrorCode *error)
{
    (void)args; (void)source; (void)length; (void)offset; fail(error);
}
EXPORT void ucnv_cbFromUWriteUChars(void *args, const UChar **source, const UChar *limit, int32_t offset, UErrorCode *error)
{
    (void)args; (void)source; (void)limit; (void)offset; fail(error);
}
EXPORT void UCNV_TO_U_CALLBACK_SUBSTITUTE(const void *ctx, void *args, const char *units, int32_t length, int reason, UErrorCode *error)
{
    (void)ctx; (void)args; (void)units; (void)length; (void)reason; fail(error);
}
EXPORT void UCNV_FROM_U_CALLBACK_SUBSTITUTE(const void *ctx, void *args, const UChar *units, int32_t length, int32_t point,
                                            int reason, UErrorCode *error)
{
    (void)ctx; (void)args; (void)units; (void)length; (void)point; (void)reason; fail(error);
}
