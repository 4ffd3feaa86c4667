; printoauth's hooks into Tauri's NSIS installer (bundle > windows > nsis > installerHooks).
;
; printoauth finds printers with mDNS: it asks on UDP 5353 and the printers answer to
; that port. Windows Firewall drops those inbound answers unless a rule lets them in,
; and a per-machine installer (it runs elevated) is the one place that may add it.
; The rules are scoped to printoauth's own programs (the app and the command line),
; UDP port 5353 and the local subnet; the uninstaller removes them again.
; src-tauri/tests/packaging.rs checks that these hooks add and remove the same rules.

!define PRINTOAUTH_FW_APP "printoauth: find printers (mDNS)"
!define PRINTOAUTH_FW_CLI "printoauth command line: find printers (mDNS)"

!macro PRINTOAUTH_FIREWALL_REMOVE
  nsExec::ExecToLog 'netsh advfirewall firewall delete rule name="${PRINTOAUTH_FW_APP}"'
  Pop $0
  nsExec::ExecToLog 'netsh advfirewall firewall delete rule name="${PRINTOAUTH_FW_CLI}"'
  Pop $0
!macroend

!macro NSIS_HOOK_POSTINSTALL
  ; An update installs over an older version: replace its rules rather than add twins.
  !insertmacro PRINTOAUTH_FIREWALL_REMOVE
  nsExec::ExecToLog 'netsh advfirewall firewall add rule name="${PRINTOAUTH_FW_APP}" dir=in action=allow protocol=UDP localport=5353 remoteip=localsubnet profile=any program="$INSTDIR\${MAINBINARYNAME}.exe" enable=yes'
  Pop $0
  nsExec::ExecToLog 'netsh advfirewall firewall add rule name="${PRINTOAUTH_FW_CLI}" dir=in action=allow protocol=UDP localport=5353 remoteip=localsubnet profile=any program="$INSTDIR\printoauth.exe" enable=yes'
  Pop $0
!macroend

!macro NSIS_HOOK_PREUNINSTALL
  !insertmacro PRINTOAUTH_FIREWALL_REMOVE
!macroend
