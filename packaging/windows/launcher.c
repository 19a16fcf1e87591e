/*
 * KoperasiBerdaya.exe: the program the shortcuts start. It runs koperasi.exe (the real program, a console
 * program) beside it without a console window, passes its arguments and standard handles on, waits, and
 * exits with its exit code.
 *
 * Why not a second PyInstaller executable built with console=False: each PyInstaller executable carries the
 * whole compressed archive of the Python modules (8.6 MB), so the bundle shipped it twice. This one is
 * about 100 KB with its icon. packaging/README.md, "Windows: two programs, one archive".
 *
 * Built by packaging/windows/launcher.py (MinGW-w64: -mwindows -municode).
 */
#define WIN32_LEAN_AND_MEAN
#include <windows.h>
#include <wchar.h>

static const wchar_t TITLE[] = L"Koperasi Berdaya";

static int fail(const wchar_t *what)
{
    wchar_t message[1024];
    _snwprintf(message, 1024, L"%ls (kode %lu).\r\n\r\nPasang ulang Koperasi Berdaya bila pesan ini muncul lagi.",
               what, GetLastError());
    message[1023] = L'\0';
    MessageBoxW(NULL, message, TITLE, MB_OK | MB_ICONERROR);
    return 1;
}

/* The arguments after the program's own name, as Windows received them (quoting untouched). */
static const wchar_t *arguments_of(const wchar_t *line)
{
    int quoted = 0;
    while (*line && (quoted || (*line != L' ' && *line != L'\t'))) {
        if (*line == L'"')
            quoted = !quoted;
        line++;
    }
    while (*line == L' ' || *line == L'\t')
        line++;
    return line;
}

static int has_standard_handles(void)
{
    HANDLE out = GetStdHandle(STD_OUTPUT_HANDLE);
    return out != NULL && out != INVALID_HANDLE_VALUE;
}

int WINAPI wWinMain(HINSTANCE instance, HINSTANCE previous, PWSTR unused, int show)
{
    (void)instance; (void)previous; (void)unused; (void)show;
    wchar_t program[MAX_PATH + 16];
    DWORD length = GetModuleFileNameW(NULL, program, MAX_PATH);
    if (length == 0 || length >= MAX_PATH)
        return fail(L"Letak program tidak dapat dibaca");
    wchar_t *slash = wcsrchr(program, L'\\');
    if (slash == NULL)
        return fail(L"Letak program tidak dapat dibaca");
    wcscpy(slash + 1, L"koperasi.exe");

    const wchar_t *rest = arguments_of(GetCommandLineW());
    size_t size = wcslen(program) + wcslen(rest) + 4;
    wchar_t *line = HeapAlloc(GetProcessHeap(), 0, size * sizeof(wchar_t));
    if (line == NULL)
        return fail(L"Memori tidak cukup");
    _snwprintf(line, size, L"\"%ls\" %ls", program, rest);
    line[size - 1] = L'\0';

    STARTUPINFOW startup = {0};
    startup.cb = sizeof startup;
    BOOL inherit = FALSE;
    if (has_standard_handles()) {
        /* Started from a console or by a script with redirected output: the program writes there. */
        startup.dwFlags = STARTF_USESTDHANDLES;
        startup.hStdInput = GetStdHandle(STD_INPUT_HANDLE);
        startup.hStdOutput = GetStdHandle(STD_OUTPUT_HANDLE);
        startup.hStdError = GetStdHandle(STD_ERROR_HANDLE);
        inherit = TRUE;
    }
    PROCESS_INFORMATION process;
    if (!CreateProcessW(program, line, NULL, NULL, inherit, CREATE_NO_WINDOW | CREATE_SUSPENDED, NULL, NULL,
                        &startup, &process))
        return fail(L"koperasi.exe tidak dapat dijalankan");
    /* The window the program opens may come to the front, as if Explorer had started it directly. */
    AllowSetForegroundWindow(process.dwProcessId);
    ResumeThread(process.hThread);
    CloseHandle(process.hThread);
    WaitForSingleObject(process.hProcess, INFINITE);
    DWORD code = 1;
    GetExitCodeProcess(process.hProcess, &code);
    CloseHandle(process.hProcess);
    return (int)code;
}
