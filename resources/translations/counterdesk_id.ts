<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID" sourcelanguage="en">
<context>
    <name>CallBanner</name>
    <message>
        <location filename="../../src/counterdesk/gui/call_banner.py" line="57"/>
        <source>Nobody is waiting.</source>
        <translation>Tidak ada yang menunggu.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/call_banner.py" line="58"/>
        <source>Every ticket of today has been called.</source>
        <translation>Semua nomor antrean hari ini sudah dipanggil.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/call_banner.py" line="65"/>
        <source>Called ticket {ticket}</source>
        <translation>Nomor antrean dipanggil {ticket}</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/call_banner.py" line="66"/>
        <source>Called to {counter}</source>
        <translation>Dipanggil ke {counter}</translation>
    </message>
</context>
<context>
    <name>Citizen</name>
    <message>
        <location filename="../../src/counterdesk/gui/complaints_dialog.py" line="48"/>
        <source>At the counter</source>
        <translation>Langsung di loket</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/complaints_dialog.py" line="49"/>
        <source>Telephone</source>
        <translation>Telepon</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/complaints_dialog.py" line="50"/>
        <source>SMS or chat</source>
        <translation>SMS atau pesan</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/complaints_dialog.py" line="51"/>
        <source>Letter</source>
        <translation>Surat</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/complaints_dialog.py" line="52"/>
        <source>Complaint box</source>
        <translation>Kotak pengaduan</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/complaints_dialog.py" line="53"/>
        <source>Other</source>
        <translation>Lainnya</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/referral_dialog.py" line="26"/>
        <source>Issued</source>
        <translation>Diterbitkan</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/referral_dialog.py" line="27"/>
        <source>Refused</source>
        <translation>Ditolak</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/referral_dialog.py" line="28"/>
        <source>Still in progress</source>
        <translation>Masih diproses</translation>
    </message>
</context>
<context>
    <name>ComplaintsDialog</name>
    <message>
        <location filename="../../src/counterdesk/gui/complaints_dialog.py" line="86"/>
        <location filename="../../src/counterdesk/gui/complaints_dialog.py" line="143"/>
        <source>Complaints</source>
        <translation>Pengaduan</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/complaints_dialog.py" line="90"/>
        <source>New complaint</source>
        <translation>Pengaduan baru</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/complaints_dialog.py" line="92"/>
        <source>About a s&amp;ervice:</source>
        <translation>Tentang &amp;layanan:</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/complaints_dialog.py" line="94"/>
        <source>Service</source>
        <translation>Layanan</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/complaints_dialog.py" line="99"/>
        <source>About this re&amp;quest ({receipt})</source>
        <translation>Tentang pe&amp;rmohonan ini ({receipt})</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/complaints_dialog.py" line="112"/>
        <source>C&amp;hannel:</source>
        <translation>&amp;Saluran:</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/complaints_dialog.py" line="116"/>
        <source>Complaint</source>
        <translation>Pengaduan</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/complaints_dialog.py" line="117"/>
        <source>What is the complaint? (at most 500 characters)</source>
        <translation>Apa yang diadukan? (paling banyak 500 karakter)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/complaints_dialog.py" line="119"/>
        <source>&amp;Complaint:</source>
        <translation>&amp;Isi pengaduan:</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/complaints_dialog.py" line="121"/>
        <source>&amp;Record complaint (Ctrl+Enter)</source>
        <translation>Ca&amp;tat pengaduan (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/complaints_dialog.py" line="140"/>
        <source>Show &amp;answered complaints too</source>
        <translation>Tampilkan juga yang sudah &amp;dijawab</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/complaints_dialog.py" line="146"/>
        <source>&amp;List:</source>
        <translation>Da&amp;ftar:</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/complaints_dialog.py" line="150"/>
        <source>Answer</source>
        <translation>Jawaban</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/complaints_dialog.py" line="151"/>
        <source>The answer given to the citizen</source>
        <translation>Jawaban yang diberikan kepada warga</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/complaints_dialog.py" line="153"/>
        <source>Ans&amp;wer:</source>
        <translation>&amp;Jawaban:</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/complaints_dialog.py" line="155"/>
        <source>Record a&amp;nswer (Ctrl+Enter)</source>
        <translation>Catat ja&amp;waban (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/complaints_dialog.py" line="173"/>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/complaints_dialog.py" line="198"/>
        <source>answered</source>
        <translation>sudah dijawab</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/complaints_dialog.py" line="198"/>
        <source>open</source>
        <translation>belum dijawab</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/complaints_dialog.py" line="209"/>
        <source>All complaints ({n})</source>
        <translation>Semua pengaduan ({n})</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/complaints_dialog.py" line="211"/>
        <source>Open complaints ({n})</source>
        <translation>Pengaduan yang belum dijawab ({n})</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/complaints_dialog.py" line="260"/>
        <source>Complaint {number} recorded.</source>
        <translation>Pengaduan {number} dicatat.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/complaints_dialog.py" line="281"/>
        <source>Answer to complaint {number} recorded.</source>
        <translation>Jawaban atas pengaduan {number} dicatat.</translation>
    </message>
</context>
<context>
    <name>DocumentPrinting</name>
    <message>
        <location filename="../../src/counterdesk/gui/document_printing.py" line="59"/>
        <source>Queue ticket</source>
        <translation>Tiket antrean</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/document_printing.py" line="60"/>
        <source>Receipt</source>
        <translation>Tanda terima</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/document_printing.py" line="61"/>
        <source>Letter</source>
        <translation>Surat</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/document_printing.py" line="62"/>
        <source>Referral slip</source>
        <translation>Surat rujukan</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/document_printing.py" line="63"/>
        <source>Information sheet</source>
        <translation>Lembar informasi</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/document_printing.py" line="171"/>
        <source>all services</source>
        <translation>semua layanan</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/document_printing.py" line="173"/>
        <source>Preparing the information sheet ({service})…</source>
        <translation>Menyiapkan lembar informasi ({service})…</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/document_printing.py" line="188"/>
        <source>Preparing {document} {receipt}…</source>
        <translation>Menyiapkan {document} {receipt}…</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/document_printing.py" line="260"/>
        <source>Printing {document} {receipt} on {printer}…</source>
        <translation>Mencetak {document} {receipt} di {printer}…</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/document_printing.py" line="270"/>
        <source>{document} {receipt} sent to {printer}.</source>
        <translation>{document} {receipt} terkirim ke {printer}.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/document_printing.py" line="280"/>
        <source>{document} {receipt} was not printed.</source>
        <translation>{document} {receipt} tidak tercetak.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/document_printing.py" line="290"/>
        <source>{document} {receipt} could not be made.</source>
        <translation>{document} {receipt} tidak dapat dibuat.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/document_printing.py" line="305"/>
        <source>Printing</source>
        <translation>Pencetakan</translation>
    </message>
</context>
<context>
    <name>EnrollDialog</name>
    <message>
        <location filename="../../src/counterdesk/gui/enroll_dialog.py" line="71"/>
        <source>Join the district</source>
        <translation>Bergabung dengan kabupaten</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/enroll_dialog.py" line="72"/>
        <source>Choose the enrollment file…</source>
        <translation>Pilih berkas pendaftaran…</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/enroll_dialog.py" line="73"/>
        <source>Create the desk</source>
        <translation>Buat meja layanan</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/enroll_dialog.py" line="74"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/enroll_dialog.py" line="78"/>
        <source>Administrator&apos;s staff name</source>
        <translation>Nama petugas administrator</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/enroll_dialog.py" line="79"/>
        <source>Administrator&apos;s full name</source>
        <translation>Nama lengkap administrator</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/enroll_dialog.py" line="80"/>
        <source>Password</source>
        <translation>Kata sandi</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/enroll_dialog.py" line="81"/>
        <source>Password again</source>
        <translation>Ulangi kata sandi</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/enroll_dialog.py" line="86"/>
        <source>No enrollment file chosen yet.</source>
        <translation>Belum ada berkas pendaftaran yang dipilih.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/enroll_dialog.py" line="91"/>
        <source>Enrollment file from the district</source>
        <translation>Berkas pendaftaran dari kabupaten</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/enroll_dialog.py" line="93"/>
        <source>Enrollment files (*.cdenroll);;All files (*)</source>
        <translation>Berkas pendaftaran (*.cdenroll);;Semua berkas (*)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/enroll_dialog.py" line="115"/>
        <source>Desk {desk} — {name}
Post: {post}
District: {district}
District key fingerprint: {fp} (compare with the district office)</source>
        <translation>Meja {desk} — {name}
Pos: {post}
Kabupaten: {district}
Sidik kunci kabupaten: {fp} (cocokkan dengan kantor kabupaten)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/enroll_dialog.py" line="137"/>
        <source>Type the administrator&apos;s staff name.</source>
        <translation>Ketik nama petugas administrator.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/enroll_dialog.py" line="141"/>
        <source>The two passwords differ.</source>
        <translation>Kedua kata sandi tidak sama.</translation>
    </message>
</context>
<context>
    <name>FieldInput</name>
    <message>
        <location filename="../../src/counterdesk/gui/field_widgets.py" line="97"/>
        <source>— choose —</source>
        <translation>— pilih —</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/field_widgets.py" line="99"/>
        <source>DD-MM-YYYY</source>
        <translation>HH-BB-TTTT</translation>
    </message>
</context>
<context>
    <name>FirstRunWindow</name>
    <message>
        <location filename="../../src/counterdesk/gui/first_run.py" line="72"/>
        <source>Preparing…</source>
        <translation>Menyiapkan…</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/first_run.py" line="72"/>
        <location filename="../../src/counterdesk/gui/first_run.py" line="83"/>
        <source>Training desk</source>
        <translation>Meja latihan</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/first_run.py" line="79"/>
        <source>Welcome — counterdesk</source>
        <translation>Selamat datang — counterdesk</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/first_run.py" line="80"/>
        <source>Welcome to counterdesk</source>
        <translation>Selamat datang di counterdesk</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/first_run.py" line="81"/>
        <source>This computer is not set up as a service desk yet.</source>
        <translation>Komputer ini belum disiapkan sebagai meja layanan.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/first_run.py" line="86"/>
        <source>A training desk has the full service catalogue and the account demo (password demo). Practise freely: nothing is sent to the district.</source>
        <translation>Meja latihan memuat seluruh daftar layanan dan akun demo (kata sandi demo). Silakan berlatih dengan leluasa: tidak ada data yang dikirim ke kabupaten.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/first_run.py" line="90"/>
        <source>Join the district with an enrollment file…</source>
        <translation>Bergabung dengan kabupaten memakai berkas pendaftaran…</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/first_run.py" line="91"/>
        <source>Join the district with an enrollment file</source>
        <translation>Bergabung dengan kabupaten memakai berkas pendaftaran</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/first_run.py" line="94"/>
        <source>A real desk joins the district with an enrollment file (.cdenroll) from the district office; you choose the desk&apos;s first administrator account.</source>
        <translation>Meja layanan yang sebenarnya bergabung dengan kabupaten memakai berkas pendaftaran (.cdenroll) dari kantor kabupaten; Anda menentukan akun administrator pertama meja ini.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/first_run.py" line="98"/>
        <source>Data folder: {path}</source>
        <translation>Folder data: {path}</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/first_run.py" line="99"/>
        <source>Quit</source>
        <translation>Keluar</translation>
    </message>
</context>
<context>
    <name>HubUrlDialog</name>
    <message>
        <location filename="../../src/counterdesk/gui/hub_url_dialog.py" line="68"/>
        <location filename="../../src/counterdesk/gui/hub_url_dialog.py" line="75"/>
        <source>District hub address</source>
        <translation>Alamat server kabupaten</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/hub_url_dialog.py" line="71"/>
        <source>Type the address of the district hub, as the district office gave it, e.g. {example}. It is remembered after the first exchange.</source>
        <translation>Ketik alamat server kabupaten sesuai yang diberikan kantor kabupaten, misalnya {example}. Alamat ini diingat setelah pertukaran data pertama berhasil.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/hub_url_dialog.py" line="76"/>
        <source>Exchange now</source>
        <translation>Tukar data sekarang</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/hub_url_dialog.py" line="77"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>IdentityInput</name>
    <message>
        <location filename="../../src/counterdesk/gui/identity_input.py" line="120"/>
        <source>16 digits from the KTP-el.</source>
        <translation>16 digit NIK dari KTP-el.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/counterdesk/gui/identity_input.py" line="123"/>
        <source>%n of 16 digits.</source>
        <translation>
            <numerusform>%n dari 16 digit.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/identity_input.py" line="135"/>
        <source>{region} — born {date}, {sex}</source>
        <translation>{region} — lahir {date}, {sex}</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/identity_input.py" line="160"/>
        <source>&amp;Passport (foreign citizen)</source>
        <translation>&amp;Paspor (WNA)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/identity_input.py" line="161"/>
        <source>Passport (foreign citizen)</source>
        <translation>Paspor (WNA)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/identity_input.py" line="162"/>
        <source>NIK: 16 digits</source>
        <translation>NIK: 16 digit</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/identity_input.py" line="163"/>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/identity_input.py" line="164"/>
        <location filename="../../src/counterdesk/gui/identity_input.py" line="167"/>
        <source>Passport number</source>
        <translation>Nomor paspor</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/identity_input.py" line="165"/>
        <location filename="../../src/counterdesk/gui/identity_input.py" line="168"/>
        <source>Nationality</source>
        <translation>Kewarganegaraan</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/identity_input.py" line="169"/>
        <source>2-letter country code, e.g. MY for Malaysia</source>
        <translation>Kode negara 2 huruf, misalnya MY untuk Malaysia</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/identity_input.py" line="1"/>
        <source>former code {code}, now {successor}</source>
        <translation>kode lama {code}, kini {successor}</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/identity_input.py" line="1"/>
        <source>former code {code}</source>
        <translation>kode lama {code}</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/identity_input.py" line="1"/>
        <source>kecamatan {code} (not checked)</source>
        <translation>kecamatan {code} (tidak diperiksa)</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../src/counterdesk/gui/login_dialog.py" line="115"/>
        <source>Type your staff name.</source>
        <translation>Ketik nama petugas Anda.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/login_dialog.py" line="129"/>
        <location filename="../../src/counterdesk/gui/login_dialog.py" line="183"/>
        <source>Checking…</source>
        <translation>Memeriksa…</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/login_dialog.py" line="129"/>
        <location filename="../../src/counterdesk/gui/login_dialog.py" line="183"/>
        <source>Log in</source>
        <translation>Masuk</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/login_dialog.py" line="135"/>
        <source>Only {name} can unlock this session.</source>
        <translation>Hanya {name} yang dapat membuka kunci sesi ini.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/login_dialog.py" line="159"/>
        <source> — TRAINING</source>
        <translation> — LATIHAN</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/login_dialog.py" line="161"/>
        <source>Session locked</source>
        <translation>Sesi terkunci</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/login_dialog.py" line="163"/>
        <source>Log in — counterdesk</source>
        <translation>Masuk — counterdesk</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/login_dialog.py" line="167"/>
        <source>This session is locked. {name}, type your password to continue.</source>
        <translation>Sesi ini terkunci. {name}, ketik kata sandi Anda untuk melanjutkan.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/login_dialog.py" line="174"/>
        <source>Training desk: practise freely, nothing is sent to the district. Log in as {name} with password {password}.</source>
        <translation>Meja latihan: silakan berlatih, tidak ada data yang dikirim ke kabupaten. Masuk sebagai {name} dengan kata sandi {password}.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/login_dialog.py" line="179"/>
        <location filename="../../src/counterdesk/gui/login_dialog.py" line="181"/>
        <source>Staff name</source>
        <translation>Nama petugas</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/login_dialog.py" line="180"/>
        <location filename="../../src/counterdesk/gui/login_dialog.py" line="182"/>
        <source>Password</source>
        <translation>Kata sandi</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/login_dialog.py" line="184"/>
        <location filename="../../src/counterdesk/gui/login_dialog.py" line="185"/>
        <source>Quit</source>
        <translation>Keluar</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="343"/>
        <source>This desk&apos;s database was copied from another computer.</source>
        <translation>Basis data meja ini disalin dari komputer lain.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="345"/>
        <source>This desk&apos;s database was restored from a backup.</source>
        <translation>Basis data meja ini dipulihkan dari cadangan.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="346"/>
        <source>Receipt numbers continue in a new series, so none is used twice.</source>
        <translation>Nomor tanda terima dilanjutkan dengan seri baru agar tidak ada nomor yang terpakai dua kali.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="384"/>
        <source>TRAINING</source>
        <translation>LATIHAN</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="387"/>
        <source>TRAINING DESK — practice data, never sent to the district</source>
        <translation>MEJA LATIHAN — data latihan, tidak pernah dikirim ke kabupaten</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="389"/>
        <source>Registration (F2)</source>
        <translation>Pendaftaran (F2)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="390"/>
        <source>Requests (F3)</source>
        <translation>Permohonan (F3)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="391"/>
        <source>Session locked</source>
        <translation>Sesi terkunci</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="394"/>
        <source>Staff: {name} ({role})</source>
        <translation>Petugas: {name} ({role})</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="398"/>
        <source>&amp;Desk</source>
        <translation>&amp;Meja</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="402"/>
        <source>&amp;Language</source>
        <translation>&amp;Bahasa</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="405"/>
        <source>New registration</source>
        <translation>Pendaftaran baru</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="406"/>
        <source>Search requests</source>
        <translation>Cari permohonan</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="407"/>
        <source>Refresh</source>
        <translation>Muat ulang</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="445"/>
        <source>Lock session</source>
        <translation>Kunci sesi</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="447"/>
        <source>Quit</source>
        <translation>Keluar</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="281"/>
        <source>Settings saved.</source>
        <translation>Pengaturan tersimpan.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="399"/>
        <source>&amp;Queue</source>
        <translation>&amp;Antrean</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="400"/>
        <source>&amp;Sync</source>
        <translation>&amp;Sinkron</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="401"/>
        <source>&amp;View</source>
        <translation>&amp;Tampilan</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="408"/>
        <source>Print receipt</source>
        <translation>Cetak tanda terima</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="409"/>
        <source>Print receipt (F7)</source>
        <translation>Cetak tanda terima (F7)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="410"/>
        <source>Print ticket</source>
        <translation>Cetak tiket</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="411"/>
        <source>Print ticket (F8)</source>
        <translation>Cetak tiket (F8)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="412"/>
        <source>Print letter or referral slip</source>
        <translation>Cetak surat atau surat rujukan</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="415"/>
        <source>Of the registration just made, or of the request shown in Requests</source>
        <translation>Untuk pendaftaran yang baru dibuat, atau untuk permohonan yang tampil di Permohonan</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="417"/>
        <source>Call next</source>
        <translation>Panggil berikutnya</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="418"/>
        <source>Call next (F9)</source>
        <translation>Panggil berikutnya (F9)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="420"/>
        <source>Call the oldest waiting ticket of today to this counter (F9)</source>
        <translation>Panggil nomor antrean hari ini yang paling lama menunggu ke loket ini (F9)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="422"/>
        <source>Call the shown ticket again</source>
        <translation>Panggil ulang nomor antrean yang tampil</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="423"/>
        <source>Settings…</source>
        <translation>Pengaturan…</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="426"/>
        <source>Printers, the desk, letters</source>
        <translation>Printer, meja layanan, surat</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="428"/>
        <source>Only an administrator can change the desk settings.</source>
        <translation>Hanya administrator yang dapat mengubah pengaturan meja layanan.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="430"/>
        <source>Service information sheet…</source>
        <translation>Lembar informasi layanan…</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="433"/>
        <source>The service standard as one page for the wall: the service chosen in the registration form, or every service</source>
        <translation>Standar pelayanan satu halaman untuk ditempel: layanan yang dipilih di formulir pendaftaran, atau semua layanan</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="437"/>
        <source>Complaints…</source>
        <translation>Pengaduan…</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="439"/>
        <source>Record complaints and their answers (about the shown request, or a service)</source>
        <translation>Catat pengaduan dan jawabannya (tentang permohonan yang ditampilkan, atau suatu layanan)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="441"/>
        <source>Queue screen</source>
        <translation>Layar antrean</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="443"/>
        <source>The waiting-room screen: called tickets, large (F11 full screen)</source>
        <translation>Layar untuk ruang tunggu: nomor antrean yang dipanggil, berukuran besar (F11 layar penuh)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="446"/>
        <source>Log out (change staff)</source>
        <translation>Keluar akun (ganti petugas)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="403"/>
        <source>&amp;Help</source>
        <translation>Ba&amp;ntuan</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="404"/>
        <source>Keyboard shortcuts</source>
        <translation>Pintasan keyboard</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="456"/>
        <source>Manual</source>
        <translation>Panduan</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="457"/>
        <source>&amp;Office</source>
        <translation>&amp;Kantor</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="458"/>
        <source>Daily report…</source>
        <translation>Laporan harian…</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="459"/>
        <source>The day&apos;s figures; preview and print</source>
        <translation>Angka hari itu; pratinjau dan cetak</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="460"/>
        <source>Print log…</source>
        <translation>Log cetak…</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="461"/>
        <source>What was printed, by whom, and reprints</source>
        <translation>Apa yang dicetak, oleh siapa, dan cetak ulang</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="462"/>
        <source>Desk status…</source>
        <translation>Status loket…</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="463"/>
        <source>Requests, changes not yet sent, the last sync</source>
        <translation>Permohonan, perubahan yang belum terkirim, sinkron terakhir</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="464"/>
        <source>Staff accounts…</source>
        <translation>Akun petugas…</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="465"/>
        <source>Add, deactivate, unlock, new password</source>
        <translation>Tambah, nonaktifkan, buka kunci, kata sandi baru</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="24"/>
        <source>NIK is empty; type the 16 digits from the KTP-el.</source>
        <translation>NIK masih kosong; ketik 16 digit NIK dari KTP-el.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="27"/>
        <source>NIK must contain only digits.</source>
        <translation>NIK hanya boleh berisi angka.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="28"/>
        <source>NIK must have 16 digits; this one has {length}.</source>
        <translation>NIK harus 16 digit; yang diketik {length} digit.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="31"/>
        <source>NIK starts with {province}, which is not an Indonesian province code.</source>
        <translation>NIK diawali {province}, yang bukan kode provinsi di Indonesia.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="34"/>
        <source>NIK digits 9-10 give birth month {month:02d}, which does not exist.</source>
        <translation>Digit ke-9 dan ke-10 NIK menunjukkan bulan lahir {month:02d}, yang tidak ada.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="37"/>
        <source>NIK digits 7-8 give birth day {day:02d}, which is not a day of month {month:02d} (for women 40 is added to the day).</source>
        <translation>Digit ke-7 dan ke-8 NIK menunjukkan tanggal lahir {day:02d}, yang tidak ada pada bulan {month:02d} (untuk perempuan, tanggal lahir ditambah 40).</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="42"/>
        <source>NIK serial number (last 4 digits) cannot be 0000.</source>
        <translation>Nomor urut NIK (4 digit terakhir) tidak boleh 0000.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="45"/>
        <source>NIK digits 5-6 (sub-district) cannot be 00.</source>
        <translation>Digit ke-5 dan ke-6 NIK (kode kecamatan) tidak boleh 00.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="48"/>
        <source>NIK starts with {regency}, which is not a known regency.</source>
        <translation>NIK diawali {regency}, yang bukan kode kabupaten/kota yang dikenal.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="52"/>
        <source>Name is empty; type the name as on the ID card.</source>
        <translation>Nama masih kosong; ketik nama sesuai kartu identitas.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="55"/>
        <source>Name is too long ({length} characters; at most 100).</source>
        <translation>Nama terlalu panjang ({length} karakter; paling banyak 100).</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="58"/>
        <source>A name may contain only letters, spaces and &apos; . , -</source>
        <translation>Nama hanya boleh berisi huruf, spasi, dan tanda &apos; . , -</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="62"/>
        <source>Give either a NIK or a passport number with nationality, not both.</source>
        <translation>Isi NIK atau nomor paspor beserta kewarganegaraan, jangan keduanya.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="65"/>
        <source>An identity is required: a NIK, or a passport number with nationality.</source>
        <translation>Identitas wajib diisi: NIK, atau nomor paspor beserta kewarganegaraan.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="68"/>
        <source>Passport number is missing.</source>
        <translation>Nomor paspor belum diisi.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="69"/>
        <source>A passport number has 5-20 letters and digits.</source>
        <translation>Nomor paspor terdiri atas 5 sampai 20 huruf dan angka.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="72"/>
        <source>Nationality is missing; type the 2-letter country code, e.g. MY.</source>
        <translation>Kewarganegaraan belum diisi; ketik kode negara 2 huruf, misalnya MY.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="75"/>
        <source>This is not a country code; use 2 letters, e.g. MY.</source>
        <translation>Ini bukan kode negara; gunakan 2 huruf, misalnya MY.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="78"/>
        <source>Indonesian citizens are registered by NIK, not by passport.</source>
        <translation>Warga negara Indonesia didaftarkan dengan NIK, bukan dengan paspor.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="82"/>
        <source>Choose a service from the list.</source>
        <translation>Pilih layanan dari daftar.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="85"/>
        <source>This field is required.</source>
        <translation>Wajib diisi.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="86"/>
        <source>This service has no such field.</source>
        <translation>Layanan ini tidak memiliki isian tersebut.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="87"/>
        <source>Too long: at most 500 characters.</source>
        <translation>Terlalu panjang: paling banyak 500 karakter.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="88"/>
        <source>Type a valid date as DD-MM-YYYY.</source>
        <translation>Ketik tanggal yang benar dengan format HH-BB-TTTT.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="89"/>
        <source>Type a whole number.</source>
        <translation>Ketik bilangan bulat.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="90"/>
        <source>Choose one of the options.</source>
        <translation>Pilih salah satu pilihan.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="91"/>
        <source>This service has no such requirement.</source>
        <translation>Layanan ini tidak memiliki persyaratan tersebut.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="95"/>
        <source>No request with this receipt number at this desk.</source>
        <translation>Tidak ada permohonan dengan nomor tanda terima ini di meja ini.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="98"/>
        <source>This is not a receipt number.</source>
        <translation>Ini bukan nomor tanda terima.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="99"/>
        <source>This receipt number has a typing error (check character wrong).</source>
        <translation>Nomor tanda terima ini salah ketik (karakter pemeriksa tidak cocok).</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="102"/>
        <source>Unknown status.</source>
        <translation>Status tidak dikenal.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="103"/>
        <source>This status change is not allowed for this request (any more).</source>
        <translation>Perubahan status ini tidak (lagi) diperbolehkan untuk permohonan ini.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="106"/>
        <location filename="../../src/counterdesk/gui/messages.py" line="109"/>
        <source>Your role does not allow this action.</source>
        <translation>Peran Anda tidak berwenang melakukan tindakan ini.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="113"/>
        <source>Wrong staff name or password.</source>
        <translation>Nama petugas atau kata sandi salah.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="114"/>
        <source>This account is locked after 5 wrong passwords. Try again in {minutes} minute(s), or ask an administrator to unlock it.</source>
        <translation>Akun ini dikunci karena 5 kali salah kata sandi. Coba lagi dalam {minutes} menit, atau minta administrator membuka kuncinya.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="119"/>
        <source>Type your staff name.</source>
        <translation>Ketik nama petugas Anda.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="120"/>
        <source>The password must have at least {min_length} characters.</source>
        <translation>Kata sandi paling sedikit {min_length} karakter.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="123"/>
        <source>The password must have at most 256 characters.</source>
        <translation>Kata sandi paling banyak 256 karakter.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="126"/>
        <source>The password must not be the staff name.</source>
        <translation>Kata sandi tidak boleh sama dengan nama petugas.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="124"/>
        <source>The database is being written by another counterdesk program. Wait a moment and try again (nothing was saved).</source>
        <translation>Basis data sedang ditulis oleh program counterdesk lain. Tunggu sebentar, lalu coba lagi (data belum tersimpan).</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="129"/>
        <source>The disk is full. Free some space and try again (nothing was saved).</source>
        <translation>Disk penuh. Kosongkan sebagian ruang disk, lalu coba lagi (data belum tersimpan).</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="132"/>
        <source>The database cannot be written (read-only). Ask the administrator to check the folder&apos;s permissions (nothing was saved).</source>
        <translation>Basis data tidak dapat ditulis (hanya-baca). Minta administrator memeriksa hak akses folder (data belum tersimpan).</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="137"/>
        <source>The data folder holds a file that is not a counterdesk database. It was left untouched; choose another data folder.</source>
        <translation>Folder data berisi berkas yang bukan basis data counterdesk. Berkas itu tidak diubah; pilih folder data lain.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="142"/>
        <source>The database was written by a newer version of counterdesk. Install the newer version; the database was left untouched.</source>
        <translation>Basis data ini dibuat oleh counterdesk versi yang lebih baru. Pasang versi yang lebih baru; basis data tidak diubah.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="147"/>
        <source>The database is damaged. It was left untouched; restore it from a backup.</source>
        <translation>Basis data rusak. Berkas tidak diubah; pulihkan dari cadangan.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="151"/>
        <source>No desk database was found in the data folder.</source>
        <translation>Basis data meja tidak ditemukan di folder data.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="154"/>
        <source>The desk database is encrypted and its key is not on this computer. It was left untouched; a desk moved from another PC is opened with the recovery file from the district office (counterdesk recover FILE).</source>
        <translation>Basis data meja terenkripsi dan kuncinya tidak ada di komputer ini. Basis data tidak diubah; meja yang dipindahkan dari PC lain dibuka dengan berkas pemulihan dari kantor kabupaten (counterdesk recover BERKAS).</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="154"/>
        <source>The key folder is inside the data folder: the key must not be kept with the data it locks. Ask the administrator to choose another key folder.</source>
        <translation>Folder kunci berada di dalam folder data: kunci tidak boleh disimpan bersama data yang dikuncinya. Minta administrator memilih folder kunci lain.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="154"/>
        <source>The database key cannot be kept on this computer. Ask the administrator to check the credential store or the key folder (nothing was saved).</source>
        <translation>Kunci basis data tidak dapat disimpan di komputer ini. Minta administrator memeriksa penyimpanan kredensial atau folder kunci (tidak ada yang disimpan).</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="154"/>
        <source>A real (enrolled) desk already exists in this folder.</source>
        <translation>Di folder ini sudah ada meja resmi (terdaftar di kabupaten).</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="242"/>
        <source>This request was never referred to another agency; refer it first.</source>
        <translation>Permohonan ini belum pernah dirujuk ke instansi lain; rujuk dulu.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="246"/>
        <source>Choose the outcome: issued, refused or still in progress.</source>
        <translation>Pilih hasilnya: diterbitkan, ditolak, atau masih diproses.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="249"/>
        <source>The note is too long ({length} characters; at most {limit}).</source>
        <translation>Catatan terlalu panjang ({length} karakter; paling banyak {limit}).</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="252"/>
        <source>A complaint is about a request or about a service: choose one.</source>
        <translation>Pengaduan tentang suatu permohonan atau suatu layanan: pilih salah satu.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="255"/>
        <source>Choose how the complaint came in.</source>
        <translation>Pilih saluran masuknya pengaduan.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="258"/>
        <source>Type the text first.</source>
        <translation>Ketik isinya terlebih dahulu.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="259"/>
        <source>The text is too long ({length} characters; at most {limit}).</source>
        <translation>Teksnya terlalu panjang ({length} karakter; paling banyak {limit}).</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="262"/>
        <source>This is not a complaint number (6 to 32 characters 0-9 and a-f).</source>
        <translation>Ini bukan nomor pengaduan (6 sampai 32 karakter 0-9 dan a-f).</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="265"/>
        <source>There is no such complaint at this desk.</source>
        <translation>Pengaduan itu tidak ada di loket ini.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="268"/>
        <source>More than one complaint starts like this; type more of its number.</source>
        <translation>Lebih dari satu pengaduan berawalan seperti ini; ketik nomornya lebih lengkap.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="271"/>
        <source>Something unexpected went wrong (nothing was saved). Details: {detail}</source>
        <translation>Terjadi kesalahan yang tidak terduga (data belum tersimpan). Rincian: {detail}</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="158"/>
        <source>This desk has no setting called {key}.</source>
        <translation>Meja layanan ini tidak memiliki pengaturan {key}.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="161"/>
        <source>This value has the wrong kind for this setting.</source>
        <translation>Jenis nilai ini tidak sesuai untuk pengaturan ini.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="164"/>
        <source>Choose one of the offered values: {choices}.</source>
        <translation>Pilih salah satu nilai yang tersedia: {choices}.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="167"/>
        <source>Too long: at most {max} characters.</source>
        <translation>Terlalu panjang: paling banyak {max} karakter.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="170"/>
        <source>Give a number from {low} to {high}.</source>
        <translation>Isi dengan angka {low} sampai {high}.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="173"/>
        <source>This letter template cannot be used: {reason}. A number template must contain {{n}}, {{year}} and the desk ({{desk}}), separated by &apos;/&apos;, &apos;.&apos; or &apos;-&apos;.</source>
        <translation>Templat surat ini tidak dapat digunakan: {reason}. Templat nomor wajib memuat {{n}}, {{year}} dan meja ({{desk}}), dipisah dengan &apos;/&apos;, &apos;.&apos; atau &apos;-&apos;.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="180"/>
        <source>This service does not produce a letter or a referral slip.</source>
        <translation>Layanan ini tidak menghasilkan surat atau surat rujukan.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="183"/>
        <source>This service does not refer to another agency.</source>
        <translation>Layanan ini tidak merujuk ke instansi lain.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="186"/>
        <source>This service produces another kind of document.</source>
        <translation>Layanan ini menghasilkan jenis dokumen lain.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="189"/>
        <source>The request was rejected or cancelled; no letter can be issued for it.</source>
        <translation>Permohonan ini ditolak atau dibatalkan; surat tidak dapat diterbitkan.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="192"/>
        <source>The letter has not been issued yet; a staff member must print it first.</source>
        <translation>Surat belum diterbitkan; petugas harus mencetaknya terlebih dahulu.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="195"/>
        <source>This request is finished; its ticket cannot be called.</source>
        <translation>Permohonan ini sudah selesai; nomor antreannya tidak dapat dipanggil.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="199"/>
        <source>A training desk does not exchange data with the district.</source>
        <translation>Meja latihan tidak bertukar data dengan kabupaten.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="202"/>
        <source>This desk has not joined a district yet. Ask the administrator to enroll it with the file from the district office.</source>
        <translation>Meja layanan ini belum terdaftar di kabupaten. Minta administrator mendaftarkannya dengan berkas dari kantor kabupaten.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="207"/>
        <source>The folder cannot be used. Check that the USB stick is plugged in and not write-protected.</source>
        <translation>Folder ini tidak dapat digunakan. Periksa apakah flashdisk sudah terpasang dan tidak dikunci dari penulisan.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="212"/>
        <source>Writing to the USB stick failed (is it full?). Files written before this one are complete; free some space and run the exchange again.</source>
        <translation>Gagal menulis ke flashdisk (apakah penuh?). Berkas yang ditulis sebelumnya sudah lengkap; kosongkan sebagian ruang, lalu ulangi pertukaran data.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="217"/>
        <source>This is not a hub address. Type one like http://10.61.7.1:8750</source>
        <translation>Ini bukan alamat server. Ketik alamat seperti http://10.61.7.1:8750</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="220"/>
        <source>The address of the district hub is not known yet.</source>
        <translation>Alamat server kabupaten belum diketahui.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="223"/>
        <source>The district hub cannot be reached now. Nothing is lost; the desk tries again later.</source>
        <translation>Server kabupaten tidak dapat dihubungi saat ini. Tidak ada data yang hilang; meja layanan akan mencoba lagi nanti.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="227"/>
        <source>The district hub refused the exchange: {detail}</source>
        <translation>Server kabupaten menolak pertukaran data: {detail}</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="230"/>
        <source>The answer did not come from a counterdesk hub. Check the hub address. ({detail})</source>
        <translation>Jawaban tidak berasal dari server counterdesk. Periksa alamat server. ({detail})</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="234"/>
        <source>The district hub&apos;s reply could not be used; call the district office. ({detail})</source>
        <translation>Balasan server kabupaten tidak dapat digunakan; hubungi kantor kabupaten. ({detail})</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="238"/>
        <source>The exchange with the district was stopped.</source>
        <translation>Pertukaran data dengan kabupaten dihentikan.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="1"/>
        <source>No letter can be issued: the signer of {post} is not set. The district administrator sets it at the hub (Letterhead, post {post}), or this post&apos;s administrator in the desk settings (Letters: signer&apos;s name and title).</source>
        <translation>Surat tidak dapat diterbitkan: penandatangan untuk {post} belum diisi. Administrator kabupaten mengisinya di hub (Kop surat, pos {post}), atau administrator pos ini di pengaturan meja (Surat: nama dan jabatan penandatangan).</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="1"/>
        <source>The letter could not be made, so it was not issued and used no number: {detail}</source>
        <translation>Surat tidak dapat dibuat, sehingga tidak diterbitkan dan tidak memakai nomor: {detail}</translation>
    </message>
</context>
<context>
    <name>OutboxStatus</name>
    <message>
        <location filename="../../src/counterdesk/gui/outbox_status.py" line="52"/>
        <source>TRAINING</source>
        <translation>LATIHAN</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/outbox_status.py" line="54"/>
        <source>Training desk: practice data, never sent to the district.</source>
        <translation>Meja latihan: data latihan, tidak pernah dikirim ke kabupaten.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/counterdesk/gui/outbox_status.py" line="60"/>
        <source>Not yet sent to the district: %n</source>
        <translation>
            <numerusform>Belum terkirim ke kabupaten: %n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/outbox_status.py" line="62"/>
        <source>(oldest: {age})</source>
        <translation>(terlama: {age})</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/outbox_status.py" line="69"/>
        <source>never</source>
        <translation>belum pernah</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/outbox_status.py" line="71"/>
        <source>Last district contact: {when}</source>
        <translation>Kontak terakhir dengan kabupaten: {when}</translation>
    </message>
</context>
<context>
    <name>OverrideDialog</name>
    <message>
        <location filename="../../src/counterdesk/gui/override_dialog.py" line="1"/>
        <source>Supervisor approval</source>
        <translation>Persetujuan supervisor</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/override_dialog.py" line="1"/>
        <source>Only a supervisor or administrator may accept this. The supervisor types the reason, their staff name and password; the reason is recorded with the request.</source>
        <translation>Hanya supervisor atau administrator yang boleh menerima ini. Supervisor mengetik alasan, nama petugas, dan kata sandinya; alasan dicatat bersama permohonan.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/override_dialog.py" line="1"/>
        <source>Accept this as supervisor? The reason is recorded with the request.</source>
        <translation>Terima ini sebagai supervisor? Alasan dicatat bersama permohonan.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/override_dialog.py" line="1"/>
        <source>Reason *</source>
        <translation>Alasan *</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/override_dialog.py" line="1"/>
        <source>Reason</source>
        <translation>Alasan</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/override_dialog.py" line="1"/>
        <source>Supervisor name</source>
        <translation>Nama supervisor</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/override_dialog.py" line="1"/>
        <source>Password</source>
        <translation>Kata sandi</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/override_dialog.py" line="1"/>
        <source>Accept and register</source>
        <translation>Terima dan daftarkan</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/override_dialog.py" line="1"/>
        <source>Back</source>
        <translation>Kembali</translation>
    </message>
</context>
<context>
    <name>PrintOutput</name>
    <message>
        <location filename="../../src/counterdesk/gui/print_output.py" line="0"/>
        <source>The printer {printer} is stopped{because}. The job was cancelled, nothing was printed. Start the printer and print again.</source>
        <translation>Printer {printer} dihentikan{because}. Pekerjaan cetak dibatalkan, tidak ada yang tercetak. Jalankan kembali printer lalu cetak ulang.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/print_output.py" line="0"/>
        <source>The printer {printer} is not accepting jobs{because}. Nothing was printed.</source>
        <translation>Printer {printer} tidak menerima pekerjaan cetak{because}. Tidak ada yang tercetak.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/print_output.py" line="0"/>
        <source>The printer {printer} did not print within {seconds} seconds{because}. The job was cancelled so it will not come out later. Check the printer and print again.</source>
        <translation>Printer {printer} tidak mencetak dalam {seconds} detik{because}. Pekerjaan cetak dibatalkan agar tidak keluar belakangan. Periksa printer lalu cetak ulang.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/print_output.py" line="0"/>
        <source>The print job on {printer} was cancelled{because}. Nothing was printed.</source>
        <translation>Pekerjaan cetak di {printer} dibatalkan{because}. Tidak ada yang tercetak.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/print_output.py" line="0"/>
        <source>The printer {printer} is not known to this computer.</source>
        <translation>Printer {printer} tidak dikenal di komputer ini.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/print_output.py" line="0"/>
        <source>The printer {target} is out of paper. Load a roll and print again.</source>
        <translation>Kertas printer {target} habis. Pasang gulungan kertas lalu cetak ulang.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/print_output.py" line="0"/>
        <source>The printer {target} has its cover open. Close it and print again.</source>
        <translation>Penutup printer {target} terbuka. Tutup lalu cetak ulang.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/print_output.py" line="0"/>
        <source>The printer {target} is offline. Check it and print again.</source>
        <translation>Printer {target} sedang tidak siap (offline). Periksa printer lalu cetak ulang.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/print_output.py" line="0"/>
        <source>The printer {target} is not connected or is switched off. Check the cable or network and the power, then print again.</source>
        <translation>Printer {target} tidak tersambung atau mati. Periksa kabel atau jaringan dan daya listriknya, lalu cetak ulang.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/print_output.py" line="0"/>
        <source>The printer {target} did not answer. Check that it is on, has paper and is connected, then print again.</source>
        <translation>Printer {target} tidak menjawab. Periksa apakah printer menyala, ada kertas, dan tersambung, lalu cetak ulang.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/print_output.py" line="0"/>
        <source>This computer may not write to the printer {target}.</source>
        <translation>Komputer ini tidak diizinkan menulis ke printer {target}.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/print_output.py" line="0"/>
        <source>{target} is not a printer address. Correct it in the settings.</source>
        <translation>{target} bukan alamat printer. Perbaiki di pengaturan.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/print_output.py" line="355"/>
        <source>The document cannot be read. Make it again.</source>
        <translation>Dokumen tidak dapat dibaca. Buat ulang dokumennya.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/print_output.py" line="358"/>
        <source>The document is {width} mm wide but the roll is {roll} mm. Make the document again for this roll.</source>
        <translation>Lebar dokumen {width} mm, tetapi lebar gulungan kertas {roll} mm. Buat ulang dokumen untuk gulungan ini.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/print_output.py" line="363"/>
        <source>Page {page} could not be prepared for printing.</source>
        <translation>Halaman {page} tidak dapat disiapkan untuk dicetak.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/print_output.py" line="366"/>
        <source>No printer is installed on this computer.</source>
        <translation>Belum ada printer yang terpasang di komputer ini.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/print_output.py" line="369"/>
        <source>The printer {printer} cannot start printing. Check that it is on and connected.</source>
        <translation>Printer {printer} tidak dapat mulai mencetak. Periksa apakah printer menyala dan tersambung.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/print_output.py" line="373"/>
        <source>The printer {printer} refused page {page}.</source>
        <translation>Printer {printer} menolak halaman {page}.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/print_output.py" line="376"/>
        <source>The printer {printer} reported an error. Check that it is on, has paper and is connected, then print again.</source>
        <translation>Printer {printer} melaporkan kesalahan. Periksa apakah printer menyala, berisi kertas, dan tersambung, lalu cetak ulang.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/print_output.py" line="381"/>
        <source>The PDF could not be saved: {reason}</source>
        <translation>PDF tidak dapat disimpan: {reason}</translation>
    </message>
</context>
<context>
    <name>PrintPreviewDialog</name>
    <message>
        <location filename="../../src/counterdesk/gui/print_preview.py" line="0"/>
        <source>ESC/POS printer {target}</source>
        <translation>Printer ESC/POS {target}</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/print_preview.py" line="195"/>
        <source>Queue ticket</source>
        <translation>Tiket antrean</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/print_preview.py" line="196"/>
        <source>Receipt</source>
        <translation>Tanda terima</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/print_preview.py" line="197"/>
        <source>Letter</source>
        <translation>Surat</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/print_preview.py" line="198"/>
        <source>Referral slip</source>
        <translation>Surat pengantar rujukan</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/print_preview.py" line="199"/>
        <source>Information sheet</source>
        <translation>Lembar informasi</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/print_preview.py" line="204"/>
        <source>Print preview: {document}</source>
        <translation>Pratinjau cetak: {document}</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/print_preview.py" line="205"/>
        <source>&amp;Printer:</source>
        <translation>&amp;Printer:</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/counterdesk/gui/print_preview.py" line="208"/>
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n halaman</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/print_preview.py" line="209"/>
        <source>Print</source>
        <translation>Cetak</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/print_preview.py" line="210"/>
        <source>Print on the chosen printer (Ctrl+P)</source>
        <translation>Cetak pada printer yang dipilih (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/print_preview.py" line="211"/>
        <source>Save as PDF…</source>
        <translation>Simpan sebagai PDF…</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/print_preview.py" line="212"/>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/print_preview.py" line="217"/>
        <source>No printer found</source>
        <translation>Printer tidak ditemukan</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/print_preview.py" line="219"/>
        <source>{name} (default)</source>
        <translation>{name} (bawaan)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/print_preview.py" line="222"/>
        <source>No printer is installed on this computer. You can save the PDF instead.</source>
        <translation>Belum ada printer yang terpasang di komputer ini. Anda dapat menyimpan PDF-nya saja.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/print_preview.py" line="277"/>
        <source>Printing on {printer}…</source>
        <translation>Mencetak di {printer}…</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/print_preview.py" line="284"/>
        <source>Sent to {printer}.</source>
        <translation>Terkirim ke {printer}.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/print_preview.py" line="315"/>
        <source>Printed, but the printer choice could not be saved: {reason}</source>
        <translation>Sudah dicetak, tetapi pilihan printer tidak dapat disimpan: {reason}</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/print_preview.py" line="331"/>
        <source>Save as PDF</source>
        <translation>Simpan sebagai PDF</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/print_preview.py" line="333"/>
        <source>PDF documents (*.pdf)</source>
        <translation>Dokumen PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/print_preview.py" line="351"/>
        <source>Saved to {path}.</source>
        <translation>Tersimpan di {path}.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/print_preview.py" line="357"/>
        <location filename="../../src/counterdesk/gui/print_preview.py" line="364"/>
        <source>Please wait until the document has been sent to the printer.</source>
        <translation>Mohon tunggu sampai dokumen selesai dikirim ke printer.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/print_preview.py" line="1"/>
        <source>{document} (draft, not numbered yet)</source>
        <translation>{document} (draf, belum bernomor)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/print_preview.py" line="1"/>
        <source>Issuing the letter (giving it its number)…</source>
        <translation>Menerbitkan surat (memberi nomor)…</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/print_preview.py" line="1"/>
        <source>The letter was not issued: {reason}</source>
        <translation>Surat tidak diterbitkan: {reason}</translation>
    </message>
</context>
<context>
    <name>PrinterSettings</name>
    <message>
        <location filename="../../src/counterdesk/gui/printer_settings.py" line="0"/>
        <source>&amp;Ticket to ESC/POS printer:</source>
        <translation>&amp;Tiket ke printer ESC/POS:</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/printer_settings.py" line="0"/>
        <source>Ticket r&amp;oll:</source>
        <translation>Gulungan &amp;kertas tiket:</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/printer_settings.py" line="0"/>
        <source>Re&amp;ceipt to ESC/POS printer:</source>
        <translation>Tanda te&amp;rima ke printer ESC/POS:</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/printer_settings.py" line="0"/>
        <source>Receipt ro&amp;ll:</source>
        <translation>Gu&amp;lungan kertas tanda terima:</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/printer_settings.py" line="0"/>
        <source>&amp;Wait for a print at most:</source>
        <translation>&amp;Tunggu pencetakan paling lama:</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/printer_settings.py" line="0"/>
        <source>Empty: print through the printer chosen above. Otherwise a file, /dev/usb/lp0, tcp://HOST:9100, serial:PORT, win32raw:PRINTER NAME or cups:QUEUE.</source>
        <translation>Kosong: cetak lewat printer yang dipilih di atas. Selain itu sebuah berkas, /dev/usb/lp0, tcp://HOST:9100, serial:PORT, win32raw:NAMA PRINTER atau cups:ANTREAN.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/printer_settings.py" line="0"/>
        <source>As the desk's roll</source>
        <translation>Sama dengan gulungan meja</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/printer_settings.py" line="0"/>
        <source> s</source>
        <translation> detik</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/printer_settings.py" line="0"/>
        <source>Open the cash &amp;drawer after a receipt</source>
        <translation>Buka &amp;laci uang setelah tanda terima</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/printer_settings.py" line="0"/>
        <source>&amp;Beep when a ticket or receipt is printed</source>
        <translation>&amp;Bunyikan bip saat tiket atau tanda terima tercetak</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/printer_settings.py" line="85"/>
        <source>&amp;Receipt and ticket printer:</source>
        <translation>Printer &amp;tanda terima dan tiket:</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/printer_settings.py" line="86"/>
        <source>Paper &amp;roll width:</source>
        <translation>&amp;Lebar gulungan kertas:</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/printer_settings.py" line="87"/>
        <source>&amp;Letter printer:</source>
        <translation>Printer &amp;surat:</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/printer_settings.py" line="88"/>
        <source>Letter &amp;paper:</source>
        <translation>&amp;Kertas surat:</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/printer_settings.py" line="95"/>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/printer_settings.py" line="98"/>
        <source>Default printer of this computer</source>
        <translation>Printer bawaan komputer ini</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/printer_settings.py" line="101"/>
        <source>{width} mm</source>
        <translation>{width} mm</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/printer_settings.py" line="105"/>
        <source>A4 (210 x 297 mm)</source>
        <translation>A4 (210 x 297 mm)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/printer_settings.py" line="105"/>
        <source>F4 (215 x 330 mm)</source>
        <translation>F4/Folio (215 x 330 mm)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/printer_settings.py" line="109"/>
        <source>Only an administrator can change these settings.</source>
        <translation>Hanya administrator yang dapat mengubah pengaturan ini.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/printer_settings.py" line="171"/>
        <source>Saved.</source>
        <translation>Tersimpan.</translation>
    </message>
</context>
<context>
    <name>QueueDisplay</name>
    <message>
        <location filename="../../src/counterdesk/gui/queue_display.py" line="181"/>
        <source>The queue cannot be read at the moment.</source>
        <translation>Antrean tidak dapat dibaca saat ini.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/queue_display.py" line="193"/>
        <source>No ticket called yet</source>
        <translation>Belum ada nomor yang dipanggil</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/queue_display.py" line="196"/>
        <source>please go to {counter}</source>
        <translation>silakan menuju {counter}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/counterdesk/gui/queue_display.py" line="206"/>
        <source>Waiting: %n</source>
        <translation>
            <numerusform>Menunggu: %n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/queue_display.py" line="292"/>
        <source>Queue — {post}</source>
        <translation>Antrean — {post}</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/queue_display.py" line="293"/>
        <source>TRAINING</source>
        <translation>LATIHAN</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/queue_display.py" line="294"/>
        <source>Now serving ticket</source>
        <translation>Nomor antrean</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/queue_display.py" line="295"/>
        <source>Called before</source>
        <translation>Panggilan sebelumnya</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/queue_display.py" line="296"/>
        <source>F11: full screen · Esc: leave full screen</source>
        <translation>F11: layar penuh · Esc: keluar dari layar penuh</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../../src/counterdesk/gui/reason_dialog.py" line="26"/>
        <source>Reason</source>
        <translation>Alasan</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/reason_dialog.py" line="30"/>
        <source>Back</source>
        <translation>Kembali</translation>
    </message>
</context>
<context>
    <name>ReferralOutcomeDialog</name>
    <message>
        <location filename="../../src/counterdesk/gui/referral_dialog.py" line="39"/>
        <source>Record referral outcome</source>
        <translation>Catat hasil rujukan</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/referral_dialog.py" line="43"/>
        <source>Request {receipt}, referred to {agency}. What did the agency do?</source>
        <translation>Permohonan {receipt}, dirujuk ke {agency}. Apa hasil dari instansi tersebut?</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/referral_dialog.py" line="50"/>
        <source>&amp;Issued: the document comes back to the counter</source>
        <translation>&amp;Diterbitkan: dokumen kembali ke loket</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/referral_dialog.py" line="51"/>
        <source>&amp;Refused by the agency</source>
        <translation>Dito&amp;lak oleh instansi</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/referral_dialog.py" line="52"/>
        <source>&amp;Still in progress at the agency</source>
        <translation>&amp;Masih diproses di instansi</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/referral_dialog.py" line="64"/>
        <source>&amp;Note (optional):</source>
        <translation>&amp;Catatan (boleh kosong):</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/referral_dialog.py" line="67"/>
        <source>Note</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/referral_dialog.py" line="72"/>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/referral_dialog.py" line="74"/>
        <source>Back</source>
        <translation>Kembali</translation>
    </message>
</context>
<context>
    <name>RegionMessages</name>
    <message>
        <location filename="../../src/counterdesk/gui/region_messages.py" line="1"/>
        <source>NIK starts with {regency}, which is not a regency of {province_name} in the Kemendagri code list. If the card is genuine, a supervisor can accept it with a reason.</source>
        <translation>NIK diawali {regency}, yang bukan kabupaten/kota di {province_name} menurut daftar kode Kemendagri. Bila kartunya asli, supervisor dapat menerimanya dengan alasan.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/region_messages.py" line="1"/>
        <source>Kecamatan {kecamatan} is not in the Kemendagri code list ({regency_name} has {range}). If the card is genuine, a supervisor can accept it with a reason.</source>
        <translation>Kecamatan {kecamatan} tidak ada dalam daftar Kemendagri ({regency_name} memiliki {range}). Bila kartunya asli, supervisor dapat menerimanya dengan alasan.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/region_messages.py" line="1"/>
        <source>The NIK gives a birth date after today ({birth} is after {today} by this computer's clock). Check the NIK, and the computer's date if it is wrong.</source>
        <translation>Tanggal lahir pada NIK setelah hari ini ({birth} setelah {today} menurut jam komputer ini). Periksa NIK, dan tanggal komputer bila salah.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/region_messages.py" line="1"/>
        <source>This service is for Indonesian citizens only (a NIK is needed); it cannot be given on a foreign passport.</source>
        <translation>Layanan ini hanya untuk Warga Negara Indonesia (perlu NIK); tidak dapat diberikan dengan paspor asing.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/region_messages.py" line="1"/>
        <source>This service needs age {years} or more; the applicant is {age} (born {birth}).</source>
        <translation>Layanan ini untuk usia {years} tahun atau lebih; pemohon berusia {age} tahun (lahir {birth}).</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/region_messages.py" line="1"/>
        <source>This service needs age {years} or more, and the birth date is not known.</source>
        <translation>Layanan ini untuk usia {years} tahun atau lebih, dan tanggal lahir tidak diketahui.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/region_messages.py" line="1"/>
        <source>{label} is {value}, after today ({today} by this computer's clock).</source>
        <translation>{label} {value} adalah setelah hari ini ({today} menurut jam komputer ini).</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/region_messages.py" line="1"/>
        <source>This service is only for residents of kecamatan {places}: check the address on the KTP-el or KK, tick the box and copy the address.</source>
        <translation>Layanan ini hanya untuk penduduk Kecamatan {places}: periksa alamat pada KTP-el atau KK, centang kotaknya, dan salin alamatnya.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/region_messages.py" line="1"/>
        <source>Only a supervisor or administrator may accept this; ask a supervisor to approve with their name and password.</source>
        <translation>Hanya supervisor atau administrator yang boleh menerima ini; mintalah supervisor menyetujui dengan nama dan kata sandinya.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/region_messages.py" line="1"/>
        <source>Give the reason for accepting this.</source>
        <translation>Tuliskan alasan menerima ini.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/region_messages.py" line="1"/>
        <source>The reason is too long (at most 300 characters).</source>
        <translation>Alasan terlalu panjang (paling banyak 300 karakter).</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/region_messages.py" line="1"/>
        <source>This rule cannot be overridden.</source>
        <translation>Aturan ini tidak dapat dikecualikan.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/region_messages.py" line="1"/>
        <source>This service has no such condition.</source>
        <translation>Layanan ini tidak memiliki syarat tersebut.</translation>
    </message>
</context>
<context>
    <name>RegisterForm</name>
    <message>
        <location filename="../../src/counterdesk/gui/register_form.py" line="213"/>
        <source>Saving…</source>
        <translation>Menyimpan…</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/register_form.py" line="278"/>
        <source>Register (Ctrl+Enter)</source>
        <translation>Daftarkan (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/register_form.py" line="282"/>
        <source>Service</source>
        <translation>Layanan</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/register_form.py" line="283"/>
        <source>Citizen</source>
        <translation>Pemohon</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/register_form.py" line="284"/>
        <source>Details for this service (* required)</source>
        <translation>Isian untuk layanan ini (* wajib)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/register_form.py" line="285"/>
        <source>Identity</source>
        <translation>Identitas</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/register_form.py" line="286"/>
        <source>Full name *</source>
        <translation>Nama lengkap *</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/register_form.py" line="287"/>
        <source>As written on the ID card</source>
        <translation>Sesuai kartu identitas</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/register_form.py" line="288"/>
        <source>Full name</source>
        <translation>Nama lengkap</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/register_form.py" line="289"/>
        <source>Register</source>
        <translation>Daftarkan</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/register_form.py" line="1"/>
        <source>Indonesian citizens only (NIK); not on a foreign passport.</source>
        <translation>Hanya untuk WNI (dengan NIK); tidak dapat dengan paspor asing.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/register_form.py" line="1"/>
        <source>Age {years} or more.</source>
        <translation>Usia {years} tahun atau lebih.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/register_form.py" line="1"/>
        <source>Dates of events cannot be after today.</source>
        <translation>Tanggal kejadian tidak boleh setelah hari ini.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/register_form.py" line="1"/>
        <source>Only for residents of kecamatan {places}, checked from the address on the KTP-el or KK (the NIK's digits say where it was issued, not where the person lives).</source>
        <translation>Hanya untuk penduduk Kecamatan {places}, diperiksa dari alamat pada KTP-el atau KK (kode wilayah NIK menunjukkan tempat NIK diterbitkan, bukan tempat tinggal sekarang).</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/register_form.py" line="1"/>
        <source>Who may use this service</source>
        <translation>Siapa yang dapat memakai layanan ini</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/register_form.py" line="1"/>
        <source>Address as written on the KTP-el or KK</source>
        <translation>Alamat sesuai KTP-el atau KK</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/register_form.py" line="1"/>
        <source>Address on the KTP-el or KK</source>
        <translation>Alamat pada KTP-el atau KK</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/register_form.py" line="1"/>
        <source>Residence checked on the KTP-el or KK</source>
        <translation>Tempat tinggal diperiksa pada KTP-el atau KK</translation>
    </message>
</context>
<context>
    <name>RegisterResult</name>
    <message>
        <location filename="../../src/counterdesk/gui/register_result.py" line="84"/>
        <source>Ticket {ticket}</source>
        <translation>Antrean {ticket}</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/register_result.py" line="86"/>
        <source>Receipt no. {receipt}</source>
        <translation>No. tanda terima {receipt}</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/register_result.py" line="88"/>
        <source>Ready by: {date}</source>
        <translation>Selesai paling lambat: {date}</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/register_result.py" line="79"/>
        <source>Print receipt (F7)</source>
        <translation>Cetak tanda terima (F7)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/register_result.py" line="80"/>
        <source>Print ticket (F8)</source>
        <translation>Cetak tiket (F8)</translation>
    </message>
</context>
<context>
    <name>RequestDetail</name>
    <message>
        <location filename="../../src/counterdesk/gui/request_detail.py" line="182"/>
        <source>overdue</source>
        <translation>terlambat</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_detail.py" line="186"/>
        <source>Service</source>
        <translation>Layanan</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_detail.py" line="187"/>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_detail.py" line="188"/>
        <source>Identity</source>
        <translation>Identitas</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_detail.py" line="189"/>
        <location filename="../../src/counterdesk/gui/request_detail.py" line="226"/>
        <source>Registered</source>
        <translation>Didaftarkan</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_detail.py" line="190"/>
        <source>Ready by</source>
        <translation>Selesai paling lambat</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_detail.py" line="193"/>
        <source>Note</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_detail.py" line="195"/>
        <source>Referral outcome</source>
        <translation>Hasil rujukan</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_detail.py" line="207"/>
        <source>Documents handed in</source>
        <translation>Berkas yang diserahkan</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_detail.py" line="222"/>
        <source>{old} → {new}</source>
        <translation>{old} → {new}</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_detail.py" line="264"/>
        <source>Referral outcome recorded</source>
        <translation>Hasil rujukan dicatat</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_detail.py" line="234"/>
        <source>Complaint recorded</source>
        <translation>Pengaduan dicatat</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_detail.py" line="236"/>
        <source>Complaint answered</source>
        <translation>Pengaduan dijawab</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_detail.py" line="248"/>
        <source>none recorded yet</source>
        <translation>belum ada yang dicatat</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_detail.py" line="254"/>
        <source>by the district office ({officer})</source>
        <translation>oleh kantor kabupaten ({officer})</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_detail.py" line="265"/>
        <source>Referral outcome: {outcome}</source>
        <translation>Hasil rujukan: {outcome}</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_detail.py" line="267"/>
        <source>(from the district office, {officer})</source>
        <translation>(dari kantor kabupaten, {officer})</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_detail.py" line="371"/>
        <source>Reject request</source>
        <translation>Tolak permohonan</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_detail.py" line="372"/>
        <source>Why is the request rejected? The citizen is told this reason.</source>
        <translation>Mengapa permohonan ditolak? Alasan ini disampaikan kepada pemohon.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_detail.py" line="373"/>
        <source>Reject</source>
        <translation>Tolak</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_detail.py" line="375"/>
        <source>Cancel request</source>
        <translation>Batalkan permohonan</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_detail.py" line="376"/>
        <source>Why is the request cancelled?</source>
        <translation>Mengapa permohonan dibatalkan?</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_detail.py" line="377"/>
        <source>Cancel the request</source>
        <translation>Batalkan permohonan</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_detail.py" line="471"/>
        <source>Choose a request in the list to see it here.</source>
        <translation>Pilih permohonan di daftar untuk melihat rinciannya di sini.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_detail.py" line="472"/>
        <source>History</source>
        <translation>Riwayat</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_detail.py" line="474"/>
        <source>Start</source>
        <translation>Mulai</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_detail.py" line="475"/>
        <source>Ready for collection</source>
        <translation>Siap diambil</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_detail.py" line="476"/>
        <source>Handed over</source>
        <translation>Diserahkan</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_detail.py" line="477"/>
        <source>Refer</source>
        <translation>Rujuk</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_detail.py" line="478"/>
        <source>Reject…</source>
        <translation>Tolak…</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_detail.py" line="479"/>
        <source>Cancel request…</source>
        <translation>Batalkan…</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_detail.py" line="484"/>
        <source>Supervisors and administrators only</source>
        <translation>Hanya untuk supervisor dan administrator</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_detail.py" line="228"/>
        <source>Ticket called</source>
        <translation>Nomor antrean dipanggil</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_detail.py" line="230"/>
        <source>Letter issued</source>
        <translation>Surat diterbitkan</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_detail.py" line="319"/>
        <source>Print referral slip (F6)</source>
        <translation>Cetak surat rujukan (F6)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_detail.py" line="321"/>
        <source>Print letter (F6)</source>
        <translation>Cetak surat (F6)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_detail.py" line="485"/>
        <source>Print receipt (F7)</source>
        <translation>Cetak tanda terima (F7)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_detail.py" line="486"/>
        <source>Print ticket (F8)</source>
        <translation>Cetak tiket (F8)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_detail.py" line="487"/>
        <source>Call again (Shift+F9)</source>
        <translation>Panggil ulang (Shift+F9)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_detail.py" line="488"/>
        <source>Record referral &amp;outcome…</source>
        <translation>Catat hasil &amp;rujukan…</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_detail.py" line="490"/>
        <source>What the other agency did: issued, refused or still in progress</source>
        <translation>Hasil dari instansi tujuan: diterbitkan, ditolak, atau masih diproses</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_detail.py" line="492"/>
        <source>Com&amp;plaint…</source>
        <translation>&amp;Pengaduan…</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_detail.py" line="493"/>
        <source>Record or answer a complaint about this request</source>
        <translation>Catat atau jawab pengaduan tentang permohonan ini</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_detail.py" line="495"/>
        <source>Call this ticket again: the citizen did not come forward, or is served now</source>
        <translation>Panggil ulang nomor ini: pemohon belum datang ke loket, atau dilayani sekarang</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_detail.py" line="1"/>
        <source>Accepted by {by}: {reason} ({detail})</source>
        <translation>Diterima oleh {by}: {reason} ({detail})</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_detail.py" line="1"/>
        <source>Residence confirmed from the KTP-el/KK: {address}</source>
        <translation>Tempat tinggal dipastikan dari KTP-el/KK: {address}</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_detail.py" line="1"/>
        <source>Conditions confirmed: {keys}</source>
        <translation>Syarat yang dipastikan: {keys}</translation>
    </message>
</context>
<context>
    <name>RequestTableModel</name>
    <message>
        <location filename="../../src/counterdesk/gui/request_model.py" line="170"/>
        <source>Ticket</source>
        <translation>Antrean</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_model.py" line="171"/>
        <source>Receipt no.</source>
        <translation>No. tanda terima</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_model.py" line="172"/>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_model.py" line="173"/>
        <source>Identity</source>
        <translation>Identitas</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_model.py" line="174"/>
        <source>Service</source>
        <translation>Layanan</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_model.py" line="175"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_model.py" line="176"/>
        <source>Registered</source>
        <translation>Didaftarkan</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_model.py" line="177"/>
        <source>Due</source>
        <translation>Tenggat</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_model.py" line="207"/>
        <source>Overdue</source>
        <translation>Terlambat</translation>
    </message>
</context>
<context>
    <name>RequestsView</name>
    <message>
        <location filename="../../src/counterdesk/gui/requests_view.py" line="177"/>
        <source>Today&apos;s queue</source>
        <translation>Antrean hari ini</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/requests_view.py" line="178"/>
        <source>All days</source>
        <translation>Semua hari</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/requests_view.py" line="180"/>
        <source>Every status</source>
        <translation>Semua status</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/requests_view.py" line="184"/>
        <source>Every service</source>
        <translation>Semua layanan</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/counterdesk/gui/requests_view.py" line="275"/>
        <source>%n request(s)</source>
        <translation>
            <numerusform>%n permohonan</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/requests_view.py" line="422"/>
        <source>Search: name, NIK, passport, receipt (F3)</source>
        <translation>Cari: nama, NIK, paspor, tanda terima (F3)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/requests_view.py" line="424"/>
        <source>Type to search. Scan or type a receipt number and press Enter to open it.</source>
        <translation>Ketik untuk mencari. Pindai atau ketik nomor tanda terima, lalu tekan Enter untuk membukanya.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/requests_view.py" line="426"/>
        <source>Search requests</source>
        <translation>Cari permohonan</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/requests_view.py" line="427"/>
        <source>Status filter</source>
        <translation>Saring menurut status</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/requests_view.py" line="428"/>
        <source>Service filter</source>
        <translation>Saring menurut layanan</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/requests_view.py" line="429"/>
        <source>Today or all days</source>
        <translation>Hari ini atau semua hari</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/requests_view.py" line="430"/>
        <source>Requests</source>
        <translation>Permohonan</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/counterdesk/gui/requests_view.py" line="377"/>
        <source>Waiting: %n</source>
        <translation>
            <numerusform>Menunggu: %n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/requests_view.py" line="417"/>
        <source>Call next (F9)</source>
        <translation>Panggil berikutnya (F9)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/requests_view.py" line="419"/>
        <source>Call the oldest waiting ticket of today to this counter</source>
        <translation>Panggil nomor antrean hari ini yang paling lama menunggu ke loket ini</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/counterdesk/gui/requests_view.py" line="278"/>
        <source>The newest %n request(s) shown; counting the rest…</source>
        <translation>
            <numerusform>%n permohonan terbaru ditampilkan; sisanya sedang dihitung…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ServiceInfo</name>
    <message numerus="yes">
        <location filename="../../src/counterdesk/gui/service_info.py" line="139"/>
        <source>%n required document(s) not yet ticked.</source>
        <translation>
            <numerusform>%n berkas wajib belum dicentang.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/service_info.py" line="144"/>
        <source>Requirements (tick what the citizen handed in)</source>
        <translation>Persyaratan (centang berkas yang diserahkan pemohon)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/service_info.py" line="146"/>
        <source>No service chosen</source>
        <translation>Belum ada layanan yang dipilih</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/service_info.py" line="148"/>
        <source>Type the service code or part of its name, then press Enter.</source>
        <translation>Ketik kode layanan atau sebagian namanya, lalu tekan Enter.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/service_info.py" line="166"/>
        <source>Completion time</source>
        <translation>Waktu penyelesaian</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/service_info.py" line="167"/>
        <source>Fee</source>
        <translation>Biaya</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/service_info.py" line="168"/>
        <source>Product</source>
        <translation>Produk layanan</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/service_info.py" line="171"/>
        <source>Referred to</source>
        <translation>Dirujuk ke</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/service_info.py" line="180"/>
        <source>(required)</source>
        <translation>(wajib)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/service_info.py" line="188"/>
        <source>Referral slip to another agency</source>
        <translation>Surat pengantar ke instansi lain</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/service_info.py" line="189"/>
        <source>Service at the counter</source>
        <translation>Pelayanan langsung di loket</translation>
    </message>
</context>
<context>
    <name>ServicePicker</name>
    <message>
        <location filename="../../src/counterdesk/gui/service_picker.py" line="90"/>
        <source>Type a service code or name</source>
        <translation>Ketik kode atau nama layanan</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/service_picker.py" line="91"/>
        <source>Service</source>
        <translation>Layanan</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../src/counterdesk/gui/settings_dialog.py" line="214"/>
        <source>Example: {number}</source>
        <translation>Contoh: {number}</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/settings_dialog.py" line="240"/>
        <location filename="../../src/counterdesk/gui/settings_dialog.py" line="329"/>
        <source>Saving…</source>
        <translation>Menyimpan…</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/settings_dialog.py" line="240"/>
        <location filename="../../src/counterdesk/gui/settings_dialog.py" line="329"/>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/settings_dialog.py" line="283"/>
        <source>Desk settings</source>
        <translation>Pengaturan meja layanan</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/settings_dialog.py" line="284"/>
        <source>Printers</source>
        <translation>Printer</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/settings_dialog.py" line="285"/>
        <source>Desk</source>
        <translation>Meja layanan</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/settings_dialog.py" line="286"/>
        <source>Letters</source>
        <translation>Surat</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/settings_dialog.py" line="288"/>
        <source>Desk &amp;language:</source>
        <translation>&amp;Bahasa meja layanan:</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/settings_dialog.py" line="289"/>
        <source>Lock after (&amp;minutes idle):</source>
        <translation>Kunci setelah tidak dipakai (&amp;menit):</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/settings_dialog.py" line="291"/>
        <source>Counter &amp;name on this PC:</source>
        <translation>&amp;Nama loket di komputer ini:</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/settings_dialog.py" line="292"/>
        <source>Letterhead: &amp;government:</source>
        <translation>Kop surat: &amp;pemerintah:</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/settings_dialog.py" line="293"/>
        <source>Letterhead: &amp;office:</source>
        <translation>Kop surat: &amp;kantor:</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/settings_dialog.py" line="294"/>
        <source>Letterhead: &amp;address:</source>
        <translation>Kop surat: &amp;alamat:</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/settings_dialog.py" line="295"/>
        <source>&amp;Place of signing:</source>
        <translation>&amp;Tempat penandatanganan:</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/settings_dialog.py" line="296"/>
        <source>&amp;Signer&apos;s name:</source>
        <translation>Nama &amp;penanda tangan:</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/settings_dialog.py" line="297"/>
        <source>Signer&apos;s &amp;title:</source>
        <translation>&amp;Jabatan penanda tangan:</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/settings_dialog.py" line="298"/>
        <source>Signer&apos;s &amp;NIP:</source>
        <translation>&amp;NIP penanda tangan:</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/settings_dialog.py" line="299"/>
        <source>Letter &amp;paper:</source>
        <translation>&amp;Kertas surat:</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/settings_dialog.py" line="300"/>
        <source>Languages:</source>
        <translation>Bahasa:</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/settings_dialog.py" line="301"/>
        <source>Letter &amp;number template:</source>
        <translation>Format &amp;nomor surat:</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/settings_dialog.py" line="307"/>
        <source>Bilingual letters (Indonesian and English)</source>
        <translation>Surat dwibahasa (Indonesia dan Inggris)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/settings_dialog.py" line="311"/>
        <source>The language the app starts in; each person can switch it in the menu.</source>
        <translation>Bahasa saat aplikasi dibuka; setiap petugas dapat menggantinya melalui menu.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/settings_dialog.py" line="314"/>
        <source>Shown on the queue screen when a ticket is called, e.g. Loket 1.</source>
        <translation>Ditampilkan di layar antrean saat nomor dipanggil, misalnya Loket 1.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/settings_dialog.py" line="320"/>
        <source>A4 (210 x 297 mm)</source>
        <translation>A4 (210 x 297 mm)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/settings_dialog.py" line="320"/>
        <source>F4 (215 x 330 mm)</source>
        <translation>F4/Folio (215 x 330 mm)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/settings_dialog.py" line="330"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/settings_dialog.py" line="332"/>
        <source>Only an administrator can change these settings.</source>
        <translation>Hanya administrator yang dapat mengubah pengaturan ini.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/settings_dialog.py" line="290"/>
        <source>After registering:</source>
        <translation>Setelah pendaftaran:</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/settings_dialog.py" line="306"/>
        <source>Print the receipt and the ticket at once</source>
        <translation>Langsung cetak tanda terima dan tiket</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/settings_dialog.py" line="1"/>
        <source>On behalf of (a.n./u.b.):</source>
        <translation>Atas nama (a.n./u.b.):</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/settings_dialog.py" line="1"/>
        <source>Signer&apos;s &amp;rank (pangkat/golongan):</source>
        <translation>&amp;Pangkat/golongan penandatangan:</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/settings_dialog.py" line="1"/>
        <source>e.g. Camat Jagoi Babang</source>
        <translation>mis. Camat Jagoi Babang</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/settings_dialog.py" line="1"/>
        <source>e.g. a.n. Camat (or empty)</source>
        <translation>mis. a.n. Camat (atau kosong)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/settings_dialog.py" line="1"/>
        <source>Placeholders: {classification} code of the service, {n} (or {n:04d}) running number of the year, {desk} desk code, {month_roman} month in Roman numerals, {month}, {year}. {n}, {desk} and {year} are required.</source>
        <translation>Tempat isian: {classification} kode klasifikasi layanan, {n} (atau {n:04d}) nomor urut tahun berjalan, {desk} kode meja, {month_roman} bulan dalam angka Romawi, {month}, {year}. {n}, {desk} dan {year} wajib ada.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/settings_dialog.py" line="1"/>
        <source>Set by the district for {post} (these take precedence over the values below): {values}</source>
        <translation>Diisi kabupaten untuk {post} (berlaku di atas isian di bawah): {values}</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/settings_dialog.py" line="1"/>
        <source>No signer is set for {post}: no letter can be issued until the signer&apos;s name and title are set here or by the district at the hub.</source>
        <translation>Penandatangan untuk {post} belum diisi: surat tidak dapat diterbitkan sampai nama dan jabatan penandatangan diisi di sini atau oleh kabupaten di hub.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../src/counterdesk/gui/shortcuts_dialog.py" line="80"/>
        <source>Everywhere in the main window</source>
        <translation>Di mana saja di jendela utama</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/shortcuts_dialog.py" line="81"/>
        <source>Registration form</source>
        <translation>Formulir pendaftaran</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/shortcuts_dialog.py" line="83"/>
        <source>Take the service typed, move to the next input</source>
        <translation>Pilih layanan yang diketik, pindah ke isian berikutnya</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/shortcuts_dialog.py" line="84"/>
        <source>Tick the document the citizen handed in</source>
        <translation>Centang berkas yang diserahkan pemohon</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/shortcuts_dialog.py" line="85"/>
        <source>Next input (Shift+Tab: the one before)</source>
        <translation>Isian berikutnya (Shift+Tab: isian sebelumnya)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/shortcuts_dialog.py" line="86"/>
        <source>Register (from any input)</source>
        <translation>Daftarkan (dari isian mana pun)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/shortcuts_dialog.py" line="87"/>
        <source>Passport (foreign citizen) instead of a NIK</source>
        <translation>Paspor (WNA) sebagai ganti NIK</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/shortcuts_dialog.py" line="89"/>
        <source>Requests list</source>
        <translation>Daftar permohonan</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/shortcuts_dialog.py" line="91"/>
        <source>In the search box: open the receipt number</source>
        <translation>Di kotak pencarian: buka nomor tanda terima</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/shortcuts_dialog.py" line="92"/>
        <source>Clear the search</source>
        <translation>Kosongkan pencarian</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/shortcuts_dialog.py" line="93"/>
        <source>Choose a request</source>
        <translation>Pilih permohonan</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/shortcuts_dialog.py" line="95"/>
        <source>Print preview</source>
        <translation>Pratinjau cetak</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/shortcuts_dialog.py" line="97"/>
        <source>Print</source>
        <translation>Cetak</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/shortcuts_dialog.py" line="98"/>
        <location filename="../../src/counterdesk/gui/shortcuts_dialog.py" line="120"/>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/shortcuts_dialog.py" line="100"/>
        <source>Queue screen</source>
        <translation>Layar antrean</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/shortcuts_dialog.py" line="102"/>
        <source>Full screen on or off</source>
        <translation>Layar penuh hidup atau mati</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/shortcuts_dialog.py" line="103"/>
        <source>Leave full screen</source>
        <translation>Keluar dari layar penuh</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/shortcuts_dialog.py" line="105"/>
        <source>This list</source>
        <translation>Daftar ini</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/shortcuts_dialog.py" line="105"/>
        <location filename="../../src/counterdesk/gui/shortcuts_dialog.py" line="112"/>
        <location filename="../../src/counterdesk/gui/shortcuts_dialog.py" line="121"/>
        <source>Keyboard shortcuts</source>
        <translation>Pintasan keyboard</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/shortcuts_dialog.py" line="115"/>
        <source>counterdesk can be used with the keyboard alone. Underlined letters in the menus open them with Alt.</source>
        <translation>counterdesk dapat dipakai hanya dengan keyboard. Huruf bergaris bawah pada menu membukanya dengan Alt.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/shortcuts_dialog.py" line="119"/>
        <source>Key</source>
        <translation>Tombol</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/shortcuts_dialog.py" line="119"/>
        <source>What it does</source>
        <translation>Fungsinya</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/shortcuts_dialog.py" line="106"/>
        <source>Staff accounts (administrators)</source>
        <translation>Akun petugas (administrator)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/shortcuts_dialog.py" line="108"/>
        <source>Add an account</source>
        <translation>Tambah akun</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/shortcuts_dialog.py" line="109"/>
        <source>Deactivate or activate the chosen account</source>
        <translation>Nonaktifkan atau aktifkan akun yang dipilih</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/shortcuts_dialog.py" line="110"/>
        <source>Unlock the chosen account</source>
        <translation>Buka kunci akun yang dipilih</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/shortcuts_dialog.py" line="111"/>
        <source>New password for the chosen account</source>
        <translation>Kata sandi baru untuk akun yang dipilih</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/shortcuts_dialog.py" line="113"/>
        <source>Daily report, print log, desk status</source>
        <translation>Laporan harian, log cetak, status loket</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/shortcuts_dialog.py" line="118"/>
        <source>Daily report: preview and print</source>
        <translation>Laporan harian: pratinjau dan cetak</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/shortcuts_dialog.py" line="120"/>
        <source>Read again</source>
        <translation>Muat ulang</translation>
    </message>
</context>
<context>
    <name>SurveyDialog</name>
    <message>
        <location filename="../../src/counterdesk/gui/survey_dialog.py" line="212"/>
        <source>Question {number} of {total}</source>
        <translation>Pertanyaan {number} dari {total}</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/survey_dialog.py" line="231"/>
        <source>Satisfaction survey</source>
        <translation>Survei kepuasan masyarakat</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/survey_dialog.py" line="232"/>
        <source>How was our service?</source>
        <translation>Bagaimana pelayanan kami?</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/survey_dialog.py" line="247"/>
        <source>‹ Previous</source>
        <translation>‹ Sebelumnya</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/survey_dialog.py" line="248"/>
        <source>Next ›</source>
        <translation>Berikutnya ›</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/survey_dialog.py" line="249"/>
        <source>Comments or suggestions (optional):</source>
        <translation>Saran atau masukan (boleh dikosongkan):</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/survey_dialog.py" line="250"/>
        <source>Comments or suggestions</source>
        <translation>Saran atau masukan</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/survey_dialog.py" line="251"/>
        <source>Skip</source>
        <translation>Lewati</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/survey_dialog.py" line="252"/>
        <source>Send</source>
        <translation>Kirim</translation>
    </message>
</context>
<context>
    <name>SyncActions</name>
    <message numerus="yes">
        <location filename="../../src/counterdesk/gui/sync_actions.py" line="99"/>
        <source>Files from the district read: %n</source>
        <translation>
            <numerusform>Berkas dari kabupaten yang dibaca: %n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/sync_actions.py" line="105"/>
        <source>The district has acknowledged events up to no. {seq}.</source>
        <translation>Kabupaten telah mengakui penerimaan data sampai nomor {seq}.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/sync_actions.py" line="111"/>
        <source>No new acknowledgement (acknowledged up to no. {seq}).</source>
        <translation>Belum ada pengakuan baru (diakui sampai nomor {seq}).</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/sync_actions.py" line="117"/>
        <source>Service catalogue updated to version {version}; log in again to see it in the registration form.</source>
        <translation>Daftar layanan diperbarui ke versi {version}; keluar akun lalu masuk lagi agar tampil di formulir pendaftaran.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/counterdesk/gui/sync_actions.py" line="126"/>
        <source>Files written to the stick: %n</source>
        <translation>
            <numerusform>Berkas yang ditulis ke flashdisk: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/counterdesk/gui/sync_actions.py" line="130"/>
        <source>(%n event(s))</source>
        <translation>
            <numerusform>(%n data)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/counterdesk/gui/sync_actions.py" line="136"/>
        <location filename="../../src/counterdesk/gui/sync_actions.py" line="175"/>
        <source>Not yet acknowledged by the district: %n event(s)</source>
        <translation>
            <numerusform>Belum diakui kabupaten: %n data</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/sync_actions.py" line="142"/>
        <source>Not usable: {file} — {reason}</source>
        <translation>Tidak dapat dipakai: {file} — {reason}</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/sync_actions.py" line="152"/>
        <source>District hub: {url}</source>
        <translation>Server kabupaten: {url}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/counterdesk/gui/sync_actions.py" line="155"/>
        <source>Sent: %n bundle(s)</source>
        <translation>
            <numerusform>Terkirim: %n paket</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/counterdesk/gui/sync_actions.py" line="157"/>
        <source>(%n new event(s))</source>
        <translation>
            <numerusform>(%n data baru)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/sync_actions.py" line="163"/>
        <source>The service catalogue was updated; log in again to see it in the registration form.</source>
        <translation>Daftar layanan diperbarui; keluar akun lalu masuk lagi agar tampil di formulir pendaftaran.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/sync_actions.py" line="170"/>
        <source>Acknowledged by the district up to no. {seq}.</source>
        <translation>Diakui kabupaten sampai nomor {seq}.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/sync_actions.py" line="277"/>
        <source>The USB stick&apos;s folder</source>
        <translation>Folder flashdisk</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/sync_actions.py" line="290"/>
        <source>Exchanging data with the USB stick in {folder}…</source>
        <translation>Bertukar data dengan flashdisk di {folder}…</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/sync_actions.py" line="300"/>
        <source>USB exchange done.</source>
        <translation>Pertukaran data lewat flashdisk selesai.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/sync_actions.py" line="305"/>
        <source>USB exchange done</source>
        <translation>Pertukaran data lewat flashdisk selesai</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/sync_actions.py" line="307"/>
        <source>USB exchange: some files could not be used</source>
        <translation>Pertukaran data lewat flashdisk: sebagian berkas tidak dapat dipakai</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/sync_actions.py" line="315"/>
        <source>The USB exchange did not succeed</source>
        <translation>Pertukaran data lewat flashdisk tidak berhasil</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/sync_actions.py" line="360"/>
        <source>Exchanging data with the district hub {url}…</source>
        <translation>Bertukar data dengan server kabupaten {url}…</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/sync_actions.py" line="372"/>
        <source>Synced with the district at {time}.</source>
        <translation>Tersinkron dengan kabupaten pukul {time}.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/sync_actions.py" line="375"/>
        <source>Exchange with the district done.</source>
        <translation>Pertukaran data dengan kabupaten selesai.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/sync_actions.py" line="376"/>
        <source>Exchange with the district done</source>
        <translation>Pertukaran data dengan kabupaten selesai</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/sync_actions.py" line="385"/>
        <source>The exchange with the district did not succeed</source>
        <translation>Pertukaran data dengan kabupaten tidak berhasil</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/sync_actions.py" line="396"/>
        <source>The district hub refused the exchange</source>
        <translation>Server kabupaten menolak pertukaran data</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/sync_actions.py" line="400"/>
        <source>Automatic sync failed at {time}; it is tried again.</source>
        <translation>Sinkron otomatis gagal pukul {time}; akan dicoba lagi.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/counterdesk/gui/sync_actions.py" line="426"/>
        <source>%n event(s) not acknowledged by the district for more than {hours} hours, although the hub answers. Call the district office.</source>
        <translation>
            <numerusform>%n data belum diakui kabupaten lebih dari {hours} jam, padahal server menjawab. Hubungi kantor kabupaten.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/sync_actions.py" line="453"/>
        <source>Exchange with the district</source>
        <translation>Pertukaran data dengan kabupaten</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/sync_actions.py" line="480"/>
        <source>USB stick: exchange with the district</source>
        <translation>Flashdisk: tukar data dengan kabupaten</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/sync_actions.py" line="481"/>
        <source>USB (Ctrl+U)</source>
        <translation>Flashdisk (Ctrl+U)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/sync_actions.py" line="482"/>
        <location filename="../../src/counterdesk/gui/sync_actions.py" line="483"/>
        <source>Sync now</source>
        <translation>Sinkron sekarang</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/sync_actions.py" line="484"/>
        <source>District hub address…</source>
        <translation>Alamat server kabupaten…</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/sync_actions.py" line="487"/>
        <source>A training desk belongs to no district: nothing is exchanged with a hub.</source>
        <translation>Meja latihan tidak terhubung ke kabupaten mana pun: tidak ada data yang dipertukarkan.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/sync_actions.py" line="495"/>
        <source>Read the district&apos;s replies from a USB stick and write the pending data to it (Ctrl+U)</source>
        <translation>Baca balasan kabupaten dari flashdisk dan tulis data yang belum terkirim ke flashdisk (Ctrl+U)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/sync_actions.py" line="500"/>
        <source>Exchange data with the district hub over the network now (Ctrl+Shift+S)</source>
        <translation>Tukar data dengan server kabupaten melalui jaringan sekarang (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/sync_actions.py" line="502"/>
        <source>Change the address of the district hub</source>
        <translation>Ubah alamat server kabupaten</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/counterdesk/gui/sync_actions.py" line="420"/>
        <source>%n event(s) unacknowledged for over {hours} hours — call the district</source>
        <translation>
            <numerusform>%n data belum diakui lebih dari {hours} jam — hubungi kabupaten</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Texts</name>
    <message>
        <location filename="../../src/counterdesk/gui/texts.py" line="15"/>
        <source>Registered</source>
        <translation>Terdaftar</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/texts.py" line="16"/>
        <source>In progress</source>
        <translation>Sedang diproses</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/texts.py" line="17"/>
        <source>Ready for collection</source>
        <translation>Siap diambil</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/texts.py" line="18"/>
        <source>Collected</source>
        <translation>Sudah diserahkan</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/texts.py" line="19"/>
        <source>Referred</source>
        <translation>Dirujuk</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/texts.py" line="20"/>
        <source>Rejected</source>
        <translation>Ditolak</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/texts.py" line="21"/>
        <source>Cancelled</source>
        <translation>Dibatalkan</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/texts.py" line="31"/>
        <source>female</source>
        <translation>perempuan</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/texts.py" line="32"/>
        <source>male</source>
        <translation>laki-laki</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/texts.py" line="37"/>
        <source>counter staff</source>
        <translation>petugas loket</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/texts.py" line="38"/>
        <source>supervisor</source>
        <translation>supervisor</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/texts.py" line="39"/>
        <source>administrator</source>
        <translation>administrator</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/texts.py" line="83"/>
        <source>Free of charge</source>
        <translation>Gratis (tidak dipungut biaya)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/texts.py" line="89"/>
        <source>same day</source>
        <translation>selesai pada hari yang sama</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/counterdesk/gui/texts.py" line="90"/>
        <source>%n working day(s)</source>
        <translation>
            <numerusform>%n hari kerja</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/counterdesk/gui/texts.py" line="96"/>
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n menit</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/counterdesk/gui/texts.py" line="98"/>
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n jam</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/counterdesk/gui/texts.py" line="99"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n hari</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/texts.py" line="111"/>
        <source>Passport {number}</source>
        <translation>Paspor {number}</translation>
    </message>
</context>
<context>
    <name>AccountDialog</name>
    <message>
        <location filename="../../src/counterdesk/gui/office/staff_dialog.py" line="115"/>
        <source>Login &amp;name:</source>
        <translation>&amp;Nama login:</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/staff_dialog.py" line="116"/>
        <source>&amp;Full name:</source>
        <translation>Nama &amp;lengkap:</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/staff_dialog.py" line="117"/>
        <source>&amp;Role:</source>
        <translation>&amp;Peran:</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/staff_dialog.py" line="118"/>
        <source>N&amp;IP (optional):</source>
        <translation>N&amp;IP (boleh kosong):</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/staff_dialog.py" line="119"/>
        <source>New &amp;password:</source>
        <translation>&amp;Kata sandi baru:</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/staff_dialog.py" line="120"/>
        <source>Password &amp;again:</source>
        <translation>&amp;Ulangi kata sandi:</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/staff_dialog.py" line="136"/>
        <source>Add a staff account</source>
        <translation>Tambah akun petugas</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/staff_dialog.py" line="137"/>
        <source>Add</source>
        <translation>Tambah</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/staff_dialog.py" line="140"/>
        <source>New password for {name}</source>
        <translation>Kata sandi baru untuk {name}</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/staff_dialog.py" line="141"/>
        <source>Set password</source>
        <translation>Simpan kata sandi</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/staff_dialog.py" line="143"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>DailyReportDialog</name>
    <message>
        <location filename="../../src/counterdesk/gui/office/daily_report_dialog.py" line="134"/>
        <source>Counting…</source>
        <translation>Menghitung…</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/daily_report_dialog.py" line="149"/>
        <source>{tickets} ticket(s), {calls} call(s)</source>
        <translation>{tickets} tiket, {calls} panggilan</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/daily_report_dialog.py" line="157"/>
        <source>median {median:.0f} min, longest {longest:.0f} min</source>
        <translation>median {median:.0f} menit, terlama {longest:.0f} menit</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/daily_report_dialog.py" line="162"/>
        <source>{collected} ({on_time} on time, {late} late)</source>
        <translation>{collected} ({on_time} tepat waktu, {late} terlambat)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/daily_report_dialog.py" line="182"/>
        <source>Preparing the report…</source>
        <translation>Menyiapkan laporan…</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/daily_report_dialog.py" line="203"/>
        <source>Daily report {day}</source>
        <translation>Laporan harian {day}</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/daily_report_dialog.py" line="232"/>
        <source>Daily report</source>
        <translation>Laporan harian</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/daily_report_dialog.py" line="233"/>
        <source>&amp;Day:</source>
        <translation>&amp;Hari:</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/daily_report_dialog.py" line="235"/>
        <source>Registered:</source>
        <translation>Didaftarkan:</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/daily_report_dialog.py" line="236"/>
        <source>Called at the counter:</source>
        <translation>Dipanggil ke loket:</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/daily_report_dialog.py" line="237"/>
        <source>Waiting time:</source>
        <translation>Waktu tunggu:</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/daily_report_dialog.py" line="238"/>
        <source>Collected:</source>
        <translation>Diserahkan:</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/daily_report_dialog.py" line="239"/>
        <source>Overdue:</source>
        <translation>Lewat waktu:</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/daily_report_dialog.py" line="240"/>
        <source>Open complaints:</source>
        <translation>Pengaduan terbuka:</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/daily_report_dialog.py" line="244"/>
        <source>Preview and print (Ctrl+P)</source>
        <translation>Pratinjau dan cetak (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/daily_report_dialog.py" line="245"/>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
</context>
<context>
    <name>ManualDialog</name>
    <message>
        <location filename="../../src/counterdesk/gui/help_manual.py" line="52"/>
        <source>Manual</source>
        <translation>Panduan</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/help_manual.py" line="53"/>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/help_manual.py" line="59"/>
        <source>The manual is missing from this installation ({error}).</source>
        <translation>Panduan tidak ada dalam instalasi ini ({error}).</translation>
    </message>
</context>
<context>
    <name>PrintLogDialog</name>
    <message>
        <location filename="../../src/counterdesk/gui/office/print_log_dialog.py" line="89"/>
        <source>{prints} print(s), {reprints} reprint(s)</source>
        <translation>{prints} cetakan, {reprints} cetak ulang</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/print_log_dialog.py" line="103"/>
        <source>Reprint</source>
        <translation>Cetak ulang</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/print_log_dialog.py" line="103"/>
        <source>First print</source>
        <translation>Cetak pertama</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/print_log_dialog.py" line="108"/>
        <source>Daily report</source>
        <translation>Laporan harian</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/print_log_dialog.py" line="115"/>
        <source>Print log</source>
        <translation>Log cetak</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/print_log_dialog.py" line="116"/>
        <source>&amp;Day:</source>
        <translation>&amp;Hari:</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/print_log_dialog.py" line="119"/>
        <source>Time</source>
        <translation>Jam</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/print_log_dialog.py" line="120"/>
        <source>Document</source>
        <translation>Dokumen</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/print_log_dialog.py" line="121"/>
        <source>Number</source>
        <translation>Nomor</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/print_log_dialog.py" line="122"/>
        <source>Receipt</source>
        <translation>Tanda terima</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/print_log_dialog.py" line="123"/>
        <source>Printed by</source>
        <translation>Dicetak oleh</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/print_log_dialog.py" line="124"/>
        <source>Printer</source>
        <translation>Printer</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/print_log_dialog.py" line="125"/>
        <source>Print</source>
        <translation>Cetakan</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/print_log_dialog.py" line="129"/>
        <source>Refresh (F5)</source>
        <translation>Muat ulang (F5)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/print_log_dialog.py" line="130"/>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
</context>
<context>
    <name>StaffDialog</name>
    <message>
        <location filename="../../src/counterdesk/gui/office/staff_dialog.py" line="49"/>
        <source>An account with this name already exists.</source>
        <translation>Sudah ada akun dengan nama ini.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/staff_dialog.py" line="52"/>
        <source>There is no such account at this desk.</source>
        <translation>Akun ini tidak ada di loket ini.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/staff_dialog.py" line="55"/>
        <source>The district manages this account; ask the district to change it.</source>
        <translation>Akun ini dikelola kabupaten; mintalah kabupaten untuk mengubahnya.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/staff_dialog.py" line="58"/>
        <source>You cannot change your own account here; ask another administrator.</source>
        <translation>Anda tidak dapat mengubah akun Anda sendiri di sini; mintalah administrator lain.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/staff_dialog.py" line="61"/>
        <source>The two passwords are not the same.</source>
        <translation>Kedua kata sandi tidak sama.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/staff_dialog.py" line="219"/>
        <source>active</source>
        <translation>aktif</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/staff_dialog.py" line="219"/>
        <source>deactivated</source>
        <translation>nonaktif</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/staff_dialog.py" line="221"/>
        <source>locked</source>
        <translation>terkunci</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/staff_dialog.py" line="222"/>
        <source>district</source>
        <translation>kabupaten</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/staff_dialog.py" line="222"/>
        <source>this desk</source>
        <translation>loket ini</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/staff_dialog.py" line="251"/>
        <source>&amp;Activate (Ctrl+D)</source>
        <translation>&amp;Aktifkan (Ctrl+D)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/staff_dialog.py" line="253"/>
        <source>&amp;Deactivate (Ctrl+D)</source>
        <translation>&amp;Nonaktifkan (Ctrl+D)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/staff_dialog.py" line="277"/>
        <source>{name} can log in again.</source>
        <translation>{name} dapat masuk lagi.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/staff_dialog.py" line="279"/>
        <source>{name} can no longer log in.</source>
        <translation>{name} tidak dapat masuk lagi.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/staff_dialog.py" line="291"/>
        <source>{name} is unlocked.</source>
        <translation>Kunci {name} dibuka.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/staff_dialog.py" line="338"/>
        <source>Account {name} added.</source>
        <translation>Akun {name} ditambahkan.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/staff_dialog.py" line="347"/>
        <source>{name} has a new password.</source>
        <translation>{name} mendapat kata sandi baru.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/staff_dialog.py" line="362"/>
        <source>Staff accounts</source>
        <translation>Akun petugas</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/staff_dialog.py" line="365"/>
        <source>Login name</source>
        <translation>Nama login</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/staff_dialog.py" line="366"/>
        <source>Full name</source>
        <translation>Nama lengkap</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/staff_dialog.py" line="367"/>
        <source>Role</source>
        <translation>Peran</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/staff_dialog.py" line="368"/>
        <source>State</source>
        <translation>Keadaan</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/staff_dialog.py" line="369"/>
        <source>Managed by</source>
        <translation>Dikelola oleh</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/staff_dialog.py" line="373"/>
        <source>&amp;Add… (Ctrl+N)</source>
        <translation>&amp;Tambah… (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/staff_dialog.py" line="374"/>
        <source>&amp;Unlock (Ctrl+U)</source>
        <translation>B&amp;uka kunci (Ctrl+U)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/staff_dialog.py" line="375"/>
        <source>New &amp;password… (Ctrl+R)</source>
        <translation>Kata &amp;sandi baru… (Ctrl+R)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/staff_dialog.py" line="376"/>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
</context>
<context>
    <name>StatusDialog</name>
    <message>
        <location filename="../../src/counterdesk/gui/office/status_dialog.py" line="73"/>
        <source>Reading…</source>
        <translation>Membaca…</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/status_dialog.py" line="85"/>
        <source>TRAINING (practice data, never sent to the district)</source>
        <translation>PELATIHAN (data latihan, tidak pernah dikirim ke kabupaten)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/status_dialog.py" line="87"/>
        <source>Enrolled with the district</source>
        <translation>Terdaftar di kabupaten</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/status_dialog.py" line="93"/>
        <source>{count} change(s) not yet acknowledged by the district</source>
        <translation>{count} perubahan belum diterima kabupaten</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/status_dialog.py" line="97"/>
        <source>Nothing waiting: the district has every change</source>
        <translation>Tidak ada yang menunggu: kabupaten sudah menerima semua perubahan</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/status_dialog.py" line="100"/>
        <source>never</source>
        <translation>belum pernah</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/status_dialog.py" line="102"/>
        <source>{last} recorded, {acked} acknowledged by the district</source>
        <translation>{last} tercatat, {acked} diterima kabupaten</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/status_dialog.py" line="116"/>
        <source>Desk status</source>
        <translation>Status loket</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/status_dialog.py" line="118"/>
        <source>Desk:</source>
        <translation>Loket:</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/status_dialog.py" line="119"/>
        <source>Office:</source>
        <translation>Kantor:</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/status_dialog.py" line="120"/>
        <source>Mode:</source>
        <translation>Mode:</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/status_dialog.py" line="121"/>
        <source>Requests:</source>
        <translation>Permohonan:</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/status_dialog.py" line="122"/>
        <source>Not yet sent:</source>
        <translation>Belum terkirim:</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/status_dialog.py" line="123"/>
        <source>Oldest unsent change:</source>
        <translation>Perubahan tertua yang belum terkirim:</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/status_dialog.py" line="124"/>
        <source>Last contact with the hub:</source>
        <translation>Kontak terakhir dengan kabupaten:</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/status_dialog.py" line="125"/>
        <source>Changes:</source>
        <translation>Perubahan:</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/status_dialog.py" line="126"/>
        <source>Database file:</source>
        <translation>Berkas basis data:</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/status_dialog.py" line="130"/>
        <source>Refresh (F5)</source>
        <translation>Muat ulang (F5)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/status_dialog.py" line="131"/>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
</context>
</TS>
