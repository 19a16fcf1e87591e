; Windows installer for Koperasi Berdaya (NSIS 3, Modern UI 2, Indonesian).
;
;   makensis -DVERSION=0.1.0 -DDIST_DIR=..\..\dist\KoperasiBerdaya -DICON=..\..\build\icons\app.ico
;            -DOUT_FILE=..\..\dist\KoperasiBerdaya-0.1.0-setup.exe packaging\windows\koperasi.nsi
; (packaging/build.py --installer does this.)
;
; Installs for all users (needs administrator rights) or only for the current user, chosen on
; a page or with /AllUsers or /CurrentUser; /S installs silently. An upgrade installs over the
; old version in place (the program migrates the database at its next start). The uninstaller
; removes the program only: the office's data in %LOCALAPPDATA%\KoperasiBerdaya stays.
; Neither replaces nor deletes a program that is still running: interactively they ask to close it
; (Coba lagi / Batal); silently they exit with code 2 and change nothing.

Unicode true
; A 64-bit installer where the NSIS at hand has the amd64 stubs (Debian's does; CI runs it under 64-bit-only
; Wine); the official Windows NSIS has only x86 ones, whose installer runs as well on 64-bit Windows.
!if /FileExists "${NSISDIR}\Stubs\lzma-amd64-unicode"
  Target amd64-unicode
!endif
!ifndef VERSION
  !error "pass -DVERSION=x.y.z"
!endif
!ifndef DIST_DIR
  !error "pass -DDIST_DIR=<the PyInstaller one-folder build>"
!endif
!ifndef OUT_FILE
  !define OUT_FILE "KoperasiBerdaya-${VERSION}-setup.exe"
!endif

!define APP_NAME "Koperasi Berdaya"
!define APP_KEY "KoperasiBerdaya"
!define APP_EXE "KoperasiBerdaya.exe"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP_KEY}"
!define RUNNING_MUTEX "KoperasiBerdaya.ProgramBerjalan"  ; held by the running program (src/koperasi/running_marker.py)
!define EXIT_RUNNING 2  ; silent mode: the program was running, nothing changed

!define MULTIUSER_EXECUTIONLEVEL Highest
!define MULTIUSER_MUI
!define MULTIUSER_INSTALLMODE_COMMANDLINE
!define MULTIUSER_INSTALLMODE_INSTDIR "${APP_KEY}"  ; per user: %LOCALAPPDATA%\Programs\KoperasiBerdaya (data stays in %LOCALAPPDATA%\KoperasiBerdaya)
!define MULTIUSER_INSTALLMODE_DEFAULT_REGISTRY_KEY "${UNINSTALL_KEY}"
!define MULTIUSER_INSTALLMODE_DEFAULT_REGISTRY_VALUENAME "InstallMode"
!define MULTIUSER_INSTALLMODE_INSTDIR_REGISTRY_KEY "${UNINSTALL_KEY}"
!define MULTIUSER_INSTALLMODE_INSTDIR_REGISTRY_VALUENAME "InstallLocation"
!define MULTIUSER_USE_PROGRAMFILES64
!include MultiUser.nsh
!include MUI2.nsh

Name "${APP_NAME} ${VERSION}"
OutFile "${OUT_FILE}"
!ifdef NO_COMPRESSION
  SetCompress off  ; CI only checks that the script compiles
!else
  SetCompressor /SOLID lzma
!endif
BrandingText "${APP_NAME} ${VERSION}"
!ifdef ICON
  !define MUI_ICON "${ICON}"
  !define MUI_UNICON "${ICON}"
!endif
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN
!define MUI_FINISHPAGE_RUN_TEXT "Jalankan ${APP_NAME} sekarang"
!define MUI_FINISHPAGE_RUN_FUNCTION RunAsLoggedInUser

!insertmacro MUI_PAGE_WELCOME
!insertmacro MULTIUSER_PAGE_INSTALLMODE
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_UNPAGE_FINISH
!insertmacro MUI_LANGUAGE "Indonesian"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=${LANG_INDONESIAN} "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=${LANG_INDONESIAN} "FileDescription" "Pemasang ${APP_NAME}"
VIAddVersionKey /LANG=${LANG_INDONESIAN} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_INDONESIAN} "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_INDONESIAN} "CompanyName" "${APP_NAME}"
VIAddVersionKey /LANG=${LANG_INDONESIAN} "LegalCopyright" "${APP_NAME}"

Function .onInit
  !insertmacro MULTIUSER_INIT
FunctionEnd

; The installer may run with administrator rights; the program must not (its files, settings and the
; database would belong to the administrator). Explorer, running as the logged-in user, starts it.
Function RunAsLoggedInUser
  Exec '"$WINDIR\explorer.exe" "$INSTDIR\${APP_EXE}"'
FunctionEnd

; Stop before replacing or deleting the program's files while it runs (Windows would leave a broken
; mixture of old and new files in _internal). The program holds a named mutex while it runs; a version
; from before the mutex is seen by its executables, which Windows locks while they run.
!macro REFUSE_WHILE_RUNNING UN
Function ${UN}RefuseWhileRunning
  check:
    System::Call 'kernel32::OpenMutexW(i 0x00100000, i 0, w "${RUNNING_MUTEX}") p .r0'
    StrCmp $0 0 unmarked
    System::Call 'kernel32::CloseHandle(p r0)'
    Goto running
  unmarked:
    StrCpy $1 "$INSTDIR\${APP_EXE}"
    Call ${UN}LockedProgram
    StrCmp $0 1 running
    StrCpy $1 "$INSTDIR\koperasi.exe"
    Call ${UN}LockedProgram
    StrCmp $0 1 running done
  running:
    IfSilent quit
    MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "${APP_NAME} masih berjalan. Tutup dulu semua jendelanya, lalu pilih Coba lagi.$\r$\n$\r$\nPilih Batal untuk berhenti; program yang terpasang tetap utuh." IDRETRY check
  quit:
    SetErrorLevel ${EXIT_RUNNING}
    Quit
  done:
FunctionEnd

; $0 = 1 when the program file $1 exists and cannot be opened for writing (it is running).
Function ${UN}LockedProgram
  StrCpy $0 0
  IfFileExists $1 0 free
  ClearErrors
  FileOpen $2 $1 a
  IfErrors 0 +3
    StrCpy $0 1
    Return
  FileClose $2
  free:
FunctionEnd
!macroend
!insertmacro REFUSE_WHILE_RUNNING ""
!insertmacro REFUSE_WHILE_RUNNING "un."

Function un.onInit
  !insertmacro MULTIUSER_UNINIT
FunctionEnd

Section "Program" SecProgram
  SectionIn RO
  Call RefuseWhileRunning
  ; Upgrade in place: replace the program folder's contents (no user data lives there).
  RMDir /r "$INSTDIR\_internal"
  SetOutPath "$INSTDIR"
  File /r "${DIST_DIR}\*"
  WriteUninstaller "$INSTDIR\Hapus ${APP_NAME}.exe"

  CreateDirectory "$SMPROGRAMS\${APP_NAME}"
  CreateShortCut "$SMPROGRAMS\${APP_NAME}\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}"
  CreateShortCut "$SMPROGRAMS\${APP_NAME}\Hapus ${APP_NAME}.lnk" "$INSTDIR\Hapus ${APP_NAME}.exe"
  CreateShortCut "$DESKTOP\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}"

  WriteRegStr SHCTX "${UNINSTALL_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "Publisher" "${APP_NAME}"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${APP_EXE}"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "InstallMode" "$MultiUser.InstallMode"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\Hapus ${APP_NAME}.exe" /$MultiUser.InstallMode'
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\Hapus ${APP_NAME}.exe" /$MultiUser.InstallMode /S'
  WriteRegDWORD SHCTX "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD SHCTX "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

Section "Uninstall"
  Call un.RefuseWhileRunning
  Delete "$DESKTOP\${APP_NAME}.lnk"
  RMDir /r "$SMPROGRAMS\${APP_NAME}"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${APP_EXE}"
  Delete "$INSTDIR\koperasi.exe"
  Delete "$INSTDIR\Hapus ${APP_NAME}.exe"
  RMDir "$INSTDIR"
  DeleteRegKey SHCTX "${UNINSTALL_KEY}"
  IfSilent +2
    MessageBox MB_OK|MB_ICONINFORMATION "Program sudah dihapus. Data kantor (basis data, cadangan dan log) tetap tersimpan di %LOCALAPPDATA%\${APP_KEY}; hapus folder itu sendiri bila memang tidak diperlukan lagi."
SectionEnd
