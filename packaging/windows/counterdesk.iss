; Inno Setup 6 script: a per-user installer for the counterdesk desk app (no administrator
; rights needed). Build dist\counterdesk\ first with packaging\build_dist.py, then:
;
;     iscc packaging\windows\counterdesk.iss
;     iscc /DAppVersion=0.2.0 packaging\windows\counterdesk.iss     (another version)
;
; Result: dist\counterdesk-<version>-windows-x86_64-setup.exe. See README.md here.
;
; Installs into %LOCALAPPDATA%\Programs\counterdesk. The desk's DATA lives elsewhere, in
; %LOCALAPPDATA%\counterdesk (platformdirs), and neither an upgrade nor the uninstaller
; touches it: a desk's database, keys and event log must survive a reinstall.

#define AppName "counterdesk"
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define DistDir AddBackslash(SourcePath) + "..\..\dist\counterdesk"
#define IconFile AddBackslash(SourcePath) + "..\..\resources\icons\counterdesk.ico"

#if !FileExists(DistDir + "\counterdesk.exe")
  #error dist\counterdesk\counterdesk.exe not found: run packaging\build_dist.py first
#endif
#if !FileExists(AddBackslash(SourcePath) + "Indonesian.isl")
  #error packaging\windows\Indonesian.isl missing: download it first (see README.md)
#endif

[Setup]
; The AppId identifies the product for upgrades and uninstall: never change it.
AppId={{6B0E8C0A-3F52-4C3B-9A7E-2D1C5B8E4F17}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=counterdesk
VersionInfoVersion={#AppVersion}
; Per user: no UAC prompt; counter staff rarely have administrator rights.
PrivilegesRequired=lowest
DefaultDirName={localappdata}\Programs\{#AppName}
DisableDirPage=yes
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
; Qt 6 needs 64-bit Windows 10 (1809) or newer.
MinVersion=10.0.17763
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename={#AppName}-{#AppVersion}-windows-x86_64-setup
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\counterdesk.exe
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; Ask to close a running desk app (it closes its database cleanly) before replacing files.
CloseApplications=yes
RestartApplications=no
ShowLanguageDialog=auto
LanguageDetectionMethod=uilanguage

[Languages]
; Indonesian first: the default when Windows' display language is not English.
Name: "id"; MessagesFile: "Indonesian.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
id.TrainingShortcut=counterdesk (latihan)
en.TrainingShortcut=counterdesk (training)
id.TrainingComment=Meja latihan: data latihan di folder tersendiri, tidak pernah dikirim
en.TrainingComment=Training desk: practice data in its own folder, never sent anywhere
id.AppComment=Loket layanan: pendaftaran dan pelacakan permohonan
en.AppComment=Service counter: register and track requests
id.DesktopIcons=Buat pintasan di &desktop
en.DesktopIcons=Create &desktop shortcuts
id.ShortcutsGroup=Pintasan:
en.ShortcutsGroup=Shortcuts:
id.SelfTestShortcut=counterdesk - uji pemasangan
en.SelfTestShortcut=counterdesk - installation self-test

[Tasks]
Name: "desktopicon"; Description: "{cm:DesktopIcons}"; GroupDescription: "{cm:ShortcutsGroup}"

[InstallDelete]
; Files of the previous version's program folder (not data): a PyInstaller folder must not
; mix files of two versions.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#DistDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\counterdesk.exe"; WorkingDir: "{app}"; Comment: "{cm:AppComment}"
; The training desk gets its own data folder, so that it never stands in the way of
; enrolling the real desk (which lives in %LOCALAPPDATA%\counterdesk).
Name: "{autoprograms}\{cm:TrainingShortcut}"; Filename: "{app}\counterdesk.exe"; Parameters: "gui --data-dir ""{localappdata}\counterdesk-training"" --training-if-empty"; WorkingDir: "{app}"; Comment: "{cm:TrainingComment}"
; Checks this installation in a console window (no real data is touched).
Name: "{autoprograms}\{cm:SelfTestShortcut}"; Filename: "{cmd}"; Parameters: "/k """"{app}\counterdesk-cli.exe"" --self-test"""; WorkingDir: "{app}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\counterdesk.exe"; WorkingDir: "{app}"; Comment: "{cm:AppComment}"; Tasks: desktopicon
Name: "{autodesktop}\{cm:TrainingShortcut}"; Filename: "{app}\counterdesk.exe"; Parameters: "gui --data-dir ""{localappdata}\counterdesk-training"" --training-if-empty"; WorkingDir: "{app}"; Comment: "{cm:TrainingComment}"; Tasks: desktopicon

[Run]
Filename: "{app}\counterdesk.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete] and no [Code] that removes anything: the uninstaller removes only the
; files it installed. %LOCALAPPDATA%\counterdesk (the desk's database, keys, exports) and
; %LOCALAPPDATA%\counterdesk-training stay, so a reinstall finds the desk as it was.
