/* An empty ICU data library for the Linux bundle, in place of PySide6's libicudata.so (32 MB), as ICU's own
 * "stubdata" library is: a common-data table of contents with no entries. Qt 6's Linux libraries link ICU, but
 * the program needs none of ICU's data: Qt has its own locale data, UTF codecs and text boundaries; without ICU
 * data QCollator (Qt's own file dialog sorts with it) compares by code point. The Windows build uses Windows'
 * ICU and is not affected. Compiled by packaging/koperasi.spec, which names the symbol after ICU's version:
 *     gcc -shared -DICU_ENTRY_POINT=icudt73_dat -Wl,-soname,libicudata.so.73 -o libicudata.so.73 icudata_stub.c
 */
#include <stdint.h>

typedef struct {
    uint16_t size, reserved_word;
    uint8_t is_big_endian, charset_family, sizeof_uchar, reserved_byte;
    uint8_t data_format[4], format_version[4], data_version[4];
} DataInfo;

typedef struct {
    uint16_t header_size;
    uint8_t magic1, magic2;
    DataInfo info;
    char padding[8];
    uint32_t count, reserved;
    uint32_t entry[2]; /* none: count is 0 */
} CommonData;

__attribute__((visibility("default"))) const CommonData ICU_ENTRY_POINT = {
    32, 0xda, 0x27,
    {sizeof(DataInfo), 0, 0 /* little-endian */, 0 /* ASCII */, 2, 0,
     {'T', 'o', 'C', 'P'}, {1, 0, 0, 0}, {0, 0, 0, 0}},
    {0}, 0, 0, {0, 0},
};
