<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en">
<context>
    <name>CallBanner</name>
    <message>
        <location filename="../../src/counterdesk/gui/call_banner.py" line="57"/>
        <source>Nobody is waiting.</source>
        <translation>Nobody is waiting.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/call_banner.py" line="58"/>
        <source>Every ticket of today has been called.</source>
        <translation>Every ticket of today has been called.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/call_banner.py" line="65"/>
        <source>Called ticket {ticket}</source>
        <translation>Called ticket {ticket}</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/call_banner.py" line="66"/>
        <source>Called to {counter}</source>
        <translation>Called to {counter}</translation>
    </message>
</context>
<context>
    <name>Citizen</name>
    <message>
        <location filename="../../src/counterdesk/gui/complaints_dialog.py" line="48"/>
        <source>At the counter</source>
        <translation>At the counter</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/complaints_dialog.py" line="49"/>
        <source>Telephone</source>
        <translation>Telephone</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/complaints_dialog.py" line="50"/>
        <source>SMS or chat</source>
        <translation>SMS or chat</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/complaints_dialog.py" line="51"/>
        <source>Letter</source>
        <translation>Letter</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/complaints_dialog.py" line="52"/>
        <source>Complaint box</source>
        <translation>Complaint box</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/complaints_dialog.py" line="53"/>
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/referral_dialog.py" line="26"/>
        <source>Issued</source>
        <translation>Issued</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/referral_dialog.py" line="27"/>
        <source>Refused</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/referral_dialog.py" line="28"/>
        <source>Still in progress</source>
        <translation>Still in progress</translation>
    </message>
</context>
<context>
    <name>ComplaintsDialog</name>
    <message>
        <location filename="../../src/counterdesk/gui/complaints_dialog.py" line="86"/>
        <location filename="../../src/counterdesk/gui/complaints_dialog.py" line="143"/>
        <source>Complaints</source>
        <translation>Complaints</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/complaints_dialog.py" line="90"/>
        <source>New complaint</source>
        <translation>New complaint</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/complaints_dialog.py" line="92"/>
        <source>About a s&amp;ervice:</source>
        <translation>About a s&amp;ervice:</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/complaints_dialog.py" line="94"/>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/complaints_dialog.py" line="99"/>
        <source>About this re&amp;quest ({receipt})</source>
        <translation>About this re&amp;quest ({receipt})</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/complaints_dialog.py" line="112"/>
        <source>C&amp;hannel:</source>
        <translation>C&amp;hannel:</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/complaints_dialog.py" line="116"/>
        <source>Complaint</source>
        <translation>Complaint</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/complaints_dialog.py" line="117"/>
        <source>What is the complaint? (at most 500 characters)</source>
        <translation>What is the complaint? (at most 500 characters)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/complaints_dialog.py" line="119"/>
        <source>&amp;Complaint:</source>
        <translation>&amp;Complaint:</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/complaints_dialog.py" line="121"/>
        <source>&amp;Record complaint (Ctrl+Enter)</source>
        <translation>&amp;Record complaint (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/complaints_dialog.py" line="140"/>
        <source>Show &amp;answered complaints too</source>
        <translation>Show &amp;answered complaints too</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/complaints_dialog.py" line="146"/>
        <source>&amp;List:</source>
        <translation>&amp;List:</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/complaints_dialog.py" line="150"/>
        <source>Answer</source>
        <translation>Answer</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/complaints_dialog.py" line="151"/>
        <source>The answer given to the citizen</source>
        <translation>The answer given to the citizen</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/complaints_dialog.py" line="153"/>
        <source>Ans&amp;wer:</source>
        <translation>Ans&amp;wer:</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/complaints_dialog.py" line="155"/>
        <source>Record a&amp;nswer (Ctrl+Enter)</source>
        <translation>Record a&amp;nswer (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/complaints_dialog.py" line="173"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/complaints_dialog.py" line="198"/>
        <source>answered</source>
        <translation>answered</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/complaints_dialog.py" line="198"/>
        <source>open</source>
        <translation>open</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/complaints_dialog.py" line="209"/>
        <source>All complaints ({n})</source>
        <translation>All complaints ({n})</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/complaints_dialog.py" line="211"/>
        <source>Open complaints ({n})</source>
        <translation>Open complaints ({n})</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/complaints_dialog.py" line="260"/>
        <source>Complaint {number} recorded.</source>
        <translation>Complaint {number} recorded.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/complaints_dialog.py" line="281"/>
        <source>Answer to complaint {number} recorded.</source>
        <translation>Answer to complaint {number} recorded.</translation>
    </message>
</context>
<context>
    <name>DocumentPrinting</name>
    <message>
        <location filename="../../src/counterdesk/gui/document_printing.py" line="59"/>
        <source>Queue ticket</source>
        <translation>Queue ticket</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/document_printing.py" line="60"/>
        <source>Receipt</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/document_printing.py" line="61"/>
        <source>Letter</source>
        <translation>Letter</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/document_printing.py" line="62"/>
        <source>Referral slip</source>
        <translation>Referral slip</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/document_printing.py" line="63"/>
        <source>Information sheet</source>
        <translation>Information sheet</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/document_printing.py" line="171"/>
        <source>all services</source>
        <translation>all services</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/document_printing.py" line="173"/>
        <source>Preparing the information sheet ({service})…</source>
        <translation>Preparing the information sheet ({service})…</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/document_printing.py" line="188"/>
        <source>Preparing {document} {receipt}…</source>
        <translation>Preparing {document} {receipt}…</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/document_printing.py" line="260"/>
        <source>Printing {document} {receipt} on {printer}…</source>
        <translation>Printing {document} {receipt} on {printer}…</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/document_printing.py" line="270"/>
        <source>{document} {receipt} sent to {printer}.</source>
        <translation>{document} {receipt} sent to {printer}.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/document_printing.py" line="280"/>
        <source>{document} {receipt} was not printed.</source>
        <translation>{document} {receipt} was not printed.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/document_printing.py" line="290"/>
        <source>{document} {receipt} could not be made.</source>
        <translation>{document} {receipt} could not be made.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/document_printing.py" line="305"/>
        <source>Printing</source>
        <translation>Printing</translation>
    </message>
</context>
<context>
    <name>EnrollDialog</name>
    <message>
        <location filename="../../src/counterdesk/gui/enroll_dialog.py" line="71"/>
        <source>Join the district</source>
        <translation>Join the district</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/enroll_dialog.py" line="72"/>
        <source>Choose the enrollment file…</source>
        <translation>Choose the enrollment file…</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/enroll_dialog.py" line="73"/>
        <source>Create the desk</source>
        <translation>Create the desk</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/enroll_dialog.py" line="74"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/enroll_dialog.py" line="78"/>
        <source>Administrator&apos;s staff name</source>
        <translation>Administrator&apos;s staff name</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/enroll_dialog.py" line="79"/>
        <source>Administrator&apos;s full name</source>
        <translation>Administrator&apos;s full name</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/enroll_dialog.py" line="80"/>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/enroll_dialog.py" line="81"/>
        <source>Password again</source>
        <translation>Password again</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/enroll_dialog.py" line="86"/>
        <source>No enrollment file chosen yet.</source>
        <translation>No enrollment file chosen yet.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/enroll_dialog.py" line="91"/>
        <source>Enrollment file from the district</source>
        <translation>Enrollment file from the district</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/enroll_dialog.py" line="93"/>
        <source>Enrollment files (*.cdenroll);;All files (*)</source>
        <translation>Enrollment files (*.cdenroll);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/enroll_dialog.py" line="115"/>
        <source>Desk {desk} — {name}
Post: {post}
District: {district}
District key fingerprint: {fp} (compare with the district office)</source>
        <translation>Desk {desk} — {name}
Post: {post}
District: {district}
District key fingerprint: {fp} (compare with the district office)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/enroll_dialog.py" line="137"/>
        <source>Type the administrator&apos;s staff name.</source>
        <translation>Type the administrator&apos;s staff name.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/enroll_dialog.py" line="141"/>
        <source>The two passwords differ.</source>
        <translation>The two passwords differ.</translation>
    </message>
</context>
<context>
    <name>FieldInput</name>
    <message>
        <location filename="../../src/counterdesk/gui/field_widgets.py" line="97"/>
        <source>— choose —</source>
        <translation>— choose —</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/field_widgets.py" line="99"/>
        <source>DD-MM-YYYY</source>
        <translation>DD-MM-YYYY</translation>
    </message>
</context>
<context>
    <name>FirstRunWindow</name>
    <message>
        <location filename="../../src/counterdesk/gui/first_run.py" line="72"/>
        <source>Preparing…</source>
        <translation>Preparing…</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/first_run.py" line="72"/>
        <location filename="../../src/counterdesk/gui/first_run.py" line="83"/>
        <source>Training desk</source>
        <translation>Training desk</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/first_run.py" line="79"/>
        <source>Welcome — counterdesk</source>
        <translation>Welcome — counterdesk</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/first_run.py" line="80"/>
        <source>Welcome to counterdesk</source>
        <translation>Welcome to counterdesk</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/first_run.py" line="81"/>
        <source>This computer is not set up as a service desk yet.</source>
        <translation>This computer is not set up as a service desk yet.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/first_run.py" line="86"/>
        <source>A training desk has the full service catalogue and the account demo (password demo). Practise freely: nothing is sent to the district.</source>
        <translation>A training desk has the full service catalogue and the account demo (password demo). Practise freely: nothing is sent to the district.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/first_run.py" line="90"/>
        <source>Join the district with an enrollment file…</source>
        <translation>Join the district with an enrollment file…</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/first_run.py" line="91"/>
        <source>Join the district with an enrollment file</source>
        <translation>Join the district with an enrollment file</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/first_run.py" line="94"/>
        <source>A real desk joins the district with an enrollment file (.cdenroll) from the district office; you choose the desk&apos;s first administrator account.</source>
        <translation>A real desk joins the district with an enrollment file (.cdenroll) from the district office; you choose the desk&apos;s first administrator account.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/first_run.py" line="98"/>
        <source>Data folder: {path}</source>
        <translation>Data folder: {path}</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/first_run.py" line="99"/>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
</context>
<context>
    <name>HubUrlDialog</name>
    <message>
        <location filename="../../src/counterdesk/gui/hub_url_dialog.py" line="68"/>
        <location filename="../../src/counterdesk/gui/hub_url_dialog.py" line="75"/>
        <source>District hub address</source>
        <translation>District hub address</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/hub_url_dialog.py" line="71"/>
        <source>Type the address of the district hub, as the district office gave it, e.g. {example}. It is remembered after the first exchange.</source>
        <translation>Type the address of the district hub, as the district office gave it, e.g. {example}. It is remembered after the first exchange.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/hub_url_dialog.py" line="76"/>
        <source>Exchange now</source>
        <translation>Exchange now</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/hub_url_dialog.py" line="77"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>IdentityInput</name>
    <message>
        <location filename="../../src/counterdesk/gui/identity_input.py" line="120"/>
        <source>16 digits from the KTP-el.</source>
        <translation>16 digits from the KTP-el.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/counterdesk/gui/identity_input.py" line="123"/>
        <source>%n of 16 digits.</source>
        <translation>
            <numerusform>%n of 16 digits.</numerusform>
            <numerusform>%n of 16 digits.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/identity_input.py" line="135"/>
        <source>{region} — born {date}, {sex}</source>
        <translation>{region} — born {date}, {sex}</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/identity_input.py" line="160"/>
        <source>&amp;Passport (foreign citizen)</source>
        <translation>&amp;Passport (foreign citizen)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/identity_input.py" line="161"/>
        <source>Passport (foreign citizen)</source>
        <translation>Passport (foreign citizen)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/identity_input.py" line="162"/>
        <source>NIK: 16 digits</source>
        <translation>NIK: 16 digits</translation>
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
        <translation>Passport number</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/identity_input.py" line="165"/>
        <location filename="../../src/counterdesk/gui/identity_input.py" line="168"/>
        <source>Nationality</source>
        <translation>Nationality</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/identity_input.py" line="169"/>
        <source>2-letter country code, e.g. MY for Malaysia</source>
        <translation>2-letter country code, e.g. MY for Malaysia</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/identity_input.py" line="1"/>
        <source>former code {code}, now {successor}</source>
        <translation>former code {code}, now {successor}</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/identity_input.py" line="1"/>
        <source>former code {code}</source>
        <translation>former code {code}</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/identity_input.py" line="1"/>
        <source>kecamatan {code} (not checked)</source>
        <translation>kecamatan {code} (not checked)</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../src/counterdesk/gui/login_dialog.py" line="115"/>
        <source>Type your staff name.</source>
        <translation>Type your staff name.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/login_dialog.py" line="129"/>
        <location filename="../../src/counterdesk/gui/login_dialog.py" line="183"/>
        <source>Checking…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/login_dialog.py" line="129"/>
        <location filename="../../src/counterdesk/gui/login_dialog.py" line="183"/>
        <source>Log in</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/login_dialog.py" line="135"/>
        <source>Only {name} can unlock this session.</source>
        <translation>Only {name} can unlock this session.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/login_dialog.py" line="159"/>
        <source> — TRAINING</source>
        <translation> — TRAINING</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/login_dialog.py" line="161"/>
        <source>Session locked</source>
        <translation>Session locked</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/login_dialog.py" line="163"/>
        <source>Log in — counterdesk</source>
        <translation>Log in — counterdesk</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/login_dialog.py" line="167"/>
        <source>This session is locked. {name}, type your password to continue.</source>
        <translation>This session is locked. {name}, type your password to continue.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/login_dialog.py" line="174"/>
        <source>Training desk: practise freely, nothing is sent to the district. Log in as {name} with password {password}.</source>
        <translation>Training desk: practise freely, nothing is sent to the district. Log in as {name} with password {password}.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/login_dialog.py" line="179"/>
        <location filename="../../src/counterdesk/gui/login_dialog.py" line="181"/>
        <source>Staff name</source>
        <translation>Staff name</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/login_dialog.py" line="180"/>
        <location filename="../../src/counterdesk/gui/login_dialog.py" line="182"/>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/login_dialog.py" line="184"/>
        <location filename="../../src/counterdesk/gui/login_dialog.py" line="185"/>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="343"/>
        <source>This desk&apos;s database was copied from another computer.</source>
        <translation>This desk&apos;s database was copied from another computer.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="345"/>
        <source>This desk&apos;s database was restored from a backup.</source>
        <translation>This desk&apos;s database was restored from a backup.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="346"/>
        <source>Receipt numbers continue in a new series, so none is used twice.</source>
        <translation>Receipt numbers continue in a new series, so none is used twice.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="384"/>
        <source>TRAINING</source>
        <translation>TRAINING</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="387"/>
        <source>TRAINING DESK — practice data, never sent to the district</source>
        <translation>TRAINING DESK — practice data, never sent to the district</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="389"/>
        <source>Registration (F2)</source>
        <translation>Registration (F2)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="390"/>
        <source>Requests (F3)</source>
        <translation>Requests (F3)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="391"/>
        <source>Session locked</source>
        <translation>Session locked</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="394"/>
        <source>Staff: {name} ({role})</source>
        <translation>Staff: {name} ({role})</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="398"/>
        <source>&amp;Desk</source>
        <translation>&amp;Desk</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="402"/>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="405"/>
        <source>New registration</source>
        <translation>New registration</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="406"/>
        <source>Search requests</source>
        <translation>Search requests</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="407"/>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="445"/>
        <source>Lock session</source>
        <translation>Lock session</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="447"/>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="281"/>
        <source>Settings saved.</source>
        <translation>Settings saved.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="399"/>
        <source>&amp;Queue</source>
        <translation>&amp;Queue</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="400"/>
        <source>&amp;Sync</source>
        <translation>&amp;Sync</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="401"/>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="408"/>
        <source>Print receipt</source>
        <translation>Print receipt</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="409"/>
        <source>Print receipt (F7)</source>
        <translation>Print receipt (F7)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="410"/>
        <source>Print ticket</source>
        <translation>Print ticket</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="411"/>
        <source>Print ticket (F8)</source>
        <translation>Print ticket (F8)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="412"/>
        <source>Print letter or referral slip</source>
        <translation>Print letter or referral slip</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="415"/>
        <source>Of the registration just made, or of the request shown in Requests</source>
        <translation>Of the registration just made, or of the request shown in Requests</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="417"/>
        <source>Call next</source>
        <translation>Call next</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="418"/>
        <source>Call next (F9)</source>
        <translation>Call next (F9)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="420"/>
        <source>Call the oldest waiting ticket of today to this counter (F9)</source>
        <translation>Call the oldest waiting ticket of today to this counter (F9)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="422"/>
        <source>Call the shown ticket again</source>
        <translation>Call the shown ticket again</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="423"/>
        <source>Settings…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="426"/>
        <source>Printers, the desk, letters</source>
        <translation>Printers, the desk, letters</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="428"/>
        <source>Only an administrator can change the desk settings.</source>
        <translation>Only an administrator can change the desk settings.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="430"/>
        <source>Service information sheet…</source>
        <translation>Service information sheet…</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="433"/>
        <source>The service standard as one page for the wall: the service chosen in the registration form, or every service</source>
        <translation>The service standard as one page for the wall: the service chosen in the registration form, or every service</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="437"/>
        <source>Complaints…</source>
        <translation>Complaints…</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="439"/>
        <source>Record complaints and their answers (about the shown request, or a service)</source>
        <translation>Record complaints and their answers (about the shown request, or a service)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="441"/>
        <source>Queue screen</source>
        <translation>Queue screen</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="443"/>
        <source>The waiting-room screen: called tickets, large (F11 full screen)</source>
        <translation>The waiting-room screen: called tickets, large (F11 full screen)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="446"/>
        <source>Log out (change staff)</source>
        <translation>Log out (change staff)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="403"/>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="404"/>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="456"/>
        <source>Manual</source>
        <translation>Manual</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="457"/>
        <source>&amp;Office</source>
        <translation>&amp;Office</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="458"/>
        <source>Daily report…</source>
        <translation>Daily report…</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="459"/>
        <source>The day&apos;s figures; preview and print</source>
        <translation>The day&apos;s figures; preview and print</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="460"/>
        <source>Print log…</source>
        <translation>Print log…</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="461"/>
        <source>What was printed, by whom, and reprints</source>
        <translation>What was printed, by whom, and reprints</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="462"/>
        <source>Desk status…</source>
        <translation>Desk status…</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="463"/>
        <source>Requests, changes not yet sent, the last sync</source>
        <translation>Requests, changes not yet sent, the last sync</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="464"/>
        <source>Staff accounts…</source>
        <translation>Staff accounts…</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/main_window.py" line="465"/>
        <source>Add, deactivate, unlock, new password</source>
        <translation>Add, deactivate, unlock, new password</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="24"/>
        <source>NIK is empty; type the 16 digits from the KTP-el.</source>
        <translation>NIK is empty; type the 16 digits from the KTP-el.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="27"/>
        <source>NIK must contain only digits.</source>
        <translation>NIK must contain only digits.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="28"/>
        <source>NIK must have 16 digits; this one has {length}.</source>
        <translation>NIK must have 16 digits; this one has {length}.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="31"/>
        <source>NIK starts with {province}, which is not an Indonesian province code.</source>
        <translation>NIK starts with {province}, which is not an Indonesian province code.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="34"/>
        <source>NIK digits 9-10 give birth month {month:02d}, which does not exist.</source>
        <translation>NIK digits 9-10 give birth month {month:02d}, which does not exist.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="37"/>
        <source>NIK digits 7-8 give birth day {day:02d}, which is not a day of month {month:02d} (for women 40 is added to the day).</source>
        <translation>NIK digits 7-8 give birth day {day:02d}, which is not a day of month {month:02d} (for women 40 is added to the day).</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="42"/>
        <source>NIK serial number (last 4 digits) cannot be 0000.</source>
        <translation>NIK serial number (last 4 digits) cannot be 0000.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="45"/>
        <source>NIK digits 5-6 (sub-district) cannot be 00.</source>
        <translation>NIK digits 5-6 (sub-district) cannot be 00.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="48"/>
        <source>NIK starts with {regency}, which is not a known regency.</source>
        <translation>NIK starts with {regency}, which is not a known regency.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="52"/>
        <source>Name is empty; type the name as on the ID card.</source>
        <translation>Name is empty; type the name as on the ID card.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="55"/>
        <source>Name is too long ({length} characters; at most 100).</source>
        <translation>Name is too long ({length} characters; at most 100).</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="58"/>
        <source>A name may contain only letters, spaces and &apos; . , -</source>
        <translation>A name may contain only letters, spaces and &apos; . , -</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="62"/>
        <source>Give either a NIK or a passport number with nationality, not both.</source>
        <translation>Give either a NIK or a passport number with nationality, not both.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="65"/>
        <source>An identity is required: a NIK, or a passport number with nationality.</source>
        <translation>An identity is required: a NIK, or a passport number with nationality.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="68"/>
        <source>Passport number is missing.</source>
        <translation>Passport number is missing.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="69"/>
        <source>A passport number has 5-20 letters and digits.</source>
        <translation>A passport number has 5-20 letters and digits.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="72"/>
        <source>Nationality is missing; type the 2-letter country code, e.g. MY.</source>
        <translation>Nationality is missing; type the 2-letter country code, e.g. MY.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="75"/>
        <source>This is not a country code; use 2 letters, e.g. MY.</source>
        <translation>This is not a country code; use 2 letters, e.g. MY.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="78"/>
        <source>Indonesian citizens are registered by NIK, not by passport.</source>
        <translation>Indonesian citizens are registered by NIK, not by passport.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="82"/>
        <source>Choose a service from the list.</source>
        <translation>Choose a service from the list.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="85"/>
        <source>This field is required.</source>
        <translation>This field is required.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="86"/>
        <source>This service has no such field.</source>
        <translation>This service has no such field.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="87"/>
        <source>Too long: at most 500 characters.</source>
        <translation>Too long: at most 500 characters.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="88"/>
        <source>Type a valid date as DD-MM-YYYY.</source>
        <translation>Type a valid date as DD-MM-YYYY.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="89"/>
        <source>Type a whole number.</source>
        <translation>Type a whole number.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="90"/>
        <source>Choose one of the options.</source>
        <translation>Choose one of the options.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="91"/>
        <source>This service has no such requirement.</source>
        <translation>This service has no such requirement.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="95"/>
        <source>No request with this receipt number at this desk.</source>
        <translation>No request with this receipt number at this desk.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="98"/>
        <source>This is not a receipt number.</source>
        <translation>This is not a receipt number.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="99"/>
        <source>This receipt number has a typing error (check character wrong).</source>
        <translation>This receipt number has a typing error (check character wrong).</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="102"/>
        <source>Unknown status.</source>
        <translation>Unknown status.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="103"/>
        <source>This status change is not allowed for this request (any more).</source>
        <translation>This status change is not allowed for this request (any more).</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="106"/>
        <location filename="../../src/counterdesk/gui/messages.py" line="109"/>
        <source>Your role does not allow this action.</source>
        <translation>Your role does not allow this action.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="113"/>
        <source>Wrong staff name or password.</source>
        <translation>Wrong staff name or password.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="114"/>
        <source>This account is locked after 5 wrong passwords. Try again in {minutes} minute(s), or ask an administrator to unlock it.</source>
        <translation>This account is locked after 5 wrong passwords. Try again in {minutes} minute(s), or ask an administrator to unlock it.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="119"/>
        <source>Type your staff name.</source>
        <translation>Type your staff name.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="120"/>
        <source>The password must have at least {min_length} characters.</source>
        <translation>The password must have at least {min_length} characters.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="123"/>
        <source>The password must have at most 256 characters.</source>
        <translation>The password must have at most 256 characters.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="126"/>
        <source>The password must not be the staff name.</source>
        <translation>The password must not be the staff name.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="124"/>
        <source>The database is being written by another counterdesk program. Wait a moment and try again (nothing was saved).</source>
        <translation>The database is being written by another counterdesk program. Wait a moment and try again (nothing was saved).</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="129"/>
        <source>The disk is full. Free some space and try again (nothing was saved).</source>
        <translation>The disk is full. Free some space and try again (nothing was saved).</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="132"/>
        <source>The database cannot be written (read-only). Ask the administrator to check the folder&apos;s permissions (nothing was saved).</source>
        <translation>The database cannot be written (read-only). Ask the administrator to check the folder&apos;s permissions (nothing was saved).</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="137"/>
        <source>The data folder holds a file that is not a counterdesk database. It was left untouched; choose another data folder.</source>
        <translation>The data folder holds a file that is not a counterdesk database. It was left untouched; choose another data folder.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="142"/>
        <source>The database was written by a newer version of counterdesk. Install the newer version; the database was left untouched.</source>
        <translation>The database was written by a newer version of counterdesk. Install the newer version; the database was left untouched.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="147"/>
        <source>The database is damaged. It was left untouched; restore it from a backup.</source>
        <translation>The database is damaged. It was left untouched; restore it from a backup.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="151"/>
        <source>No desk database was found in the data folder.</source>
        <translation>No desk database was found in the data folder.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="154"/>
        <source>The desk database is encrypted and its key is not on this computer. It was left untouched; a desk moved from another PC is opened with the recovery file from the district office (counterdesk recover FILE).</source>
        <translation>The desk database is encrypted and its key is not on this computer. It was left untouched; a desk moved from another PC is opened with the recovery file from the district office (counterdesk recover FILE).</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="154"/>
        <source>The key folder is inside the data folder: the key must not be kept with the data it locks. Ask the administrator to choose another key folder.</source>
        <translation>The key folder is inside the data folder: the key must not be kept with the data it locks. Ask the administrator to choose another key folder.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="154"/>
        <source>The database key cannot be kept on this computer. Ask the administrator to check the credential store or the key folder (nothing was saved).</source>
        <translation>The database key cannot be kept on this computer. Ask the administrator to check the credential store or the key folder (nothing was saved).</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="154"/>
        <source>A real (enrolled) desk already exists in this folder.</source>
        <translation>A real (enrolled) desk already exists in this folder.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="242"/>
        <source>This request was never referred to another agency; refer it first.</source>
        <translation>This request was never referred to another agency; refer it first.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="246"/>
        <source>Choose the outcome: issued, refused or still in progress.</source>
        <translation>Choose the outcome: issued, refused or still in progress.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="249"/>
        <source>The note is too long ({length} characters; at most {limit}).</source>
        <translation>The note is too long ({length} characters; at most {limit}).</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="252"/>
        <source>A complaint is about a request or about a service: choose one.</source>
        <translation>A complaint is about a request or about a service: choose one.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="255"/>
        <source>Choose how the complaint came in.</source>
        <translation>Choose how the complaint came in.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="258"/>
        <source>Type the text first.</source>
        <translation>Type the text first.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="259"/>
        <source>The text is too long ({length} characters; at most {limit}).</source>
        <translation>The text is too long ({length} characters; at most {limit}).</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="262"/>
        <source>This is not a complaint number (6 to 32 characters 0-9 and a-f).</source>
        <translation>This is not a complaint number (6 to 32 characters 0-9 and a-f).</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="265"/>
        <source>There is no such complaint at this desk.</source>
        <translation>There is no such complaint at this desk.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="268"/>
        <source>More than one complaint starts like this; type more of its number.</source>
        <translation>More than one complaint starts like this; type more of its number.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="271"/>
        <source>Something unexpected went wrong (nothing was saved). Details: {detail}</source>
        <translation>Something unexpected went wrong (nothing was saved). Details: {detail}</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="158"/>
        <source>This desk has no setting called {key}.</source>
        <translation>This desk has no setting called {key}.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="161"/>
        <source>This value has the wrong kind for this setting.</source>
        <translation>This value has the wrong kind for this setting.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="164"/>
        <source>Choose one of the offered values: {choices}.</source>
        <translation>Choose one of the offered values: {choices}.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="167"/>
        <source>Too long: at most {max} characters.</source>
        <translation>Too long: at most {max} characters.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="170"/>
        <source>Give a number from {low} to {high}.</source>
        <translation>Give a number from {low} to {high}.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="173"/>
        <source>This letter template cannot be used: {reason}. A number template must contain {{n}}, {{year}} and the desk ({{desk}}), separated by &apos;/&apos;, &apos;.&apos; or &apos;-&apos;.</source>
        <translation>This letter template cannot be used: {reason}. A number template must contain {{n}}, {{year}} and the desk ({{desk}}), separated by &apos;/&apos;, &apos;.&apos; or &apos;-&apos;.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="180"/>
        <source>This service does not produce a letter or a referral slip.</source>
        <translation>This service does not produce a letter or a referral slip.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="183"/>
        <source>This service does not refer to another agency.</source>
        <translation>This service does not refer to another agency.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="186"/>
        <source>This service produces another kind of document.</source>
        <translation>This service produces another kind of document.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="189"/>
        <source>The request was rejected or cancelled; no letter can be issued for it.</source>
        <translation>The request was rejected or cancelled; no letter can be issued for it.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="192"/>
        <source>The letter has not been issued yet; a staff member must print it first.</source>
        <translation>The letter has not been issued yet; a staff member must print it first.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="195"/>
        <source>This request is finished; its ticket cannot be called.</source>
        <translation>This request is finished; its ticket cannot be called.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="199"/>
        <source>A training desk does not exchange data with the district.</source>
        <translation>A training desk does not exchange data with the district.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="202"/>
        <source>This desk has not joined a district yet. Ask the administrator to enroll it with the file from the district office.</source>
        <translation>This desk has not joined a district yet. Ask the administrator to enroll it with the file from the district office.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="207"/>
        <source>The folder cannot be used. Check that the USB stick is plugged in and not write-protected.</source>
        <translation>The folder cannot be used. Check that the USB stick is plugged in and not write-protected.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="212"/>
        <source>Writing to the USB stick failed (is it full?). Files written before this one are complete; free some space and run the exchange again.</source>
        <translation>Writing to the USB stick failed (is it full?). Files written before this one are complete; free some space and run the exchange again.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="217"/>
        <source>This is not a hub address. Type one like http://10.61.7.1:8750</source>
        <translation>This is not a hub address. Type one like http://10.61.7.1:8750</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="220"/>
        <source>The address of the district hub is not known yet.</source>
        <translation>The address of the district hub is not known yet.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="223"/>
        <source>The district hub cannot be reached now. Nothing is lost; the desk tries again later.</source>
        <translation>The district hub cannot be reached now. Nothing is lost; the desk tries again later.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="227"/>
        <source>The district hub refused the exchange: {detail}</source>
        <translation>The district hub refused the exchange: {detail}</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="230"/>
        <source>The answer did not come from a counterdesk hub. Check the hub address. ({detail})</source>
        <translation>The answer did not come from a counterdesk hub. Check the hub address. ({detail})</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="234"/>
        <source>The district hub&apos;s reply could not be used; call the district office. ({detail})</source>
        <translation>The district hub&apos;s reply could not be used; call the district office. ({detail})</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="238"/>
        <source>The exchange with the district was stopped.</source>
        <translation>The exchange with the district was stopped.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="1"/>
        <source>No letter can be issued: the signer of {post} is not set. The district administrator sets it at the hub (Letterhead, post {post}), or this post&apos;s administrator in the desk settings (Letters: signer&apos;s name and title).</source>
        <translation>No letter can be issued: the signer of {post} is not set. The district administrator sets it at the hub (Letterhead, post {post}), or this post&apos;s administrator in the desk settings (Letters: signer&apos;s name and title).</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/messages.py" line="1"/>
        <source>The letter could not be made, so it was not issued and used no number: {detail}</source>
        <translation>The letter could not be made, so it was not issued and used no number: {detail}</translation>
    </message>
</context>
<context>
    <name>OutboxStatus</name>
    <message>
        <location filename="../../src/counterdesk/gui/outbox_status.py" line="52"/>
        <source>TRAINING</source>
        <translation>TRAINING</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/outbox_status.py" line="54"/>
        <source>Training desk: practice data, never sent to the district.</source>
        <translation>Training desk: practice data, never sent to the district.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/counterdesk/gui/outbox_status.py" line="60"/>
        <source>Not yet sent to the district: %n</source>
        <translation>
            <numerusform>Not yet sent to the district: %n</numerusform>
            <numerusform>Not yet sent to the district: %n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/outbox_status.py" line="62"/>
        <source>(oldest: {age})</source>
        <translation>(oldest: {age})</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/outbox_status.py" line="69"/>
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/outbox_status.py" line="71"/>
        <source>Last district contact: {when}</source>
        <translation>Last district contact: {when}</translation>
    </message>
</context>
<context>
    <name>OverrideDialog</name>
    <message>
        <location filename="../../src/counterdesk/gui/override_dialog.py" line="1"/>
        <source>Supervisor approval</source>
        <translation>Supervisor approval</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/override_dialog.py" line="1"/>
        <source>Only a supervisor or administrator may accept this. The supervisor types the reason, their staff name and password; the reason is recorded with the request.</source>
        <translation>Only a supervisor or administrator may accept this. The supervisor types the reason, their staff name and password; the reason is recorded with the request.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/override_dialog.py" line="1"/>
        <source>Accept this as supervisor? The reason is recorded with the request.</source>
        <translation>Accept this as supervisor? The reason is recorded with the request.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/override_dialog.py" line="1"/>
        <source>Reason *</source>
        <translation>Reason *</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/override_dialog.py" line="1"/>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/override_dialog.py" line="1"/>
        <source>Supervisor name</source>
        <translation>Supervisor name</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/override_dialog.py" line="1"/>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/override_dialog.py" line="1"/>
        <source>Accept and register</source>
        <translation>Accept and register</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/override_dialog.py" line="1"/>
        <source>Back</source>
        <translation>Back</translation>
    </message>
</context>
<context>
    <name>PrintOutput</name>
    <message>
        <location filename="../../src/counterdesk/gui/print_output.py" line="0"/>
        <source>The printer {printer} is stopped{because}. The job was cancelled, nothing was printed. Start the printer and print again.</source>
        <translation>The printer {printer} is stopped{because}. The job was cancelled, nothing was printed. Start the printer and print again.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/print_output.py" line="0"/>
        <source>The printer {printer} is not accepting jobs{because}. Nothing was printed.</source>
        <translation>The printer {printer} is not accepting jobs{because}. Nothing was printed.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/print_output.py" line="0"/>
        <source>The printer {printer} did not print within {seconds} seconds{because}. The job was cancelled so it will not come out later. Check the printer and print again.</source>
        <translation>The printer {printer} did not print within {seconds} seconds{because}. The job was cancelled so it will not come out later. Check the printer and print again.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/print_output.py" line="0"/>
        <source>The print job on {printer} was cancelled{because}. Nothing was printed.</source>
        <translation>The print job on {printer} was cancelled{because}. Nothing was printed.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/print_output.py" line="0"/>
        <source>The printer {printer} is not known to this computer.</source>
        <translation>The printer {printer} is not known to this computer.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/print_output.py" line="0"/>
        <source>The printer {target} is out of paper. Load a roll and print again.</source>
        <translation>The printer {target} is out of paper. Load a roll and print again.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/print_output.py" line="0"/>
        <source>The printer {target} has its cover open. Close it and print again.</source>
        <translation>The printer {target} has its cover open. Close it and print again.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/print_output.py" line="0"/>
        <source>The printer {target} is offline. Check it and print again.</source>
        <translation>The printer {target} is offline. Check it and print again.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/print_output.py" line="0"/>
        <source>The printer {target} is not connected or is switched off. Check the cable or network and the power, then print again.</source>
        <translation>The printer {target} is not connected or is switched off. Check the cable or network and the power, then print again.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/print_output.py" line="0"/>
        <source>The printer {target} did not answer. Check that it is on, has paper and is connected, then print again.</source>
        <translation>The printer {target} did not answer. Check that it is on, has paper and is connected, then print again.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/print_output.py" line="0"/>
        <source>This computer may not write to the printer {target}.</source>
        <translation>This computer may not write to the printer {target}.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/print_output.py" line="0"/>
        <source>{target} is not a printer address. Correct it in the settings.</source>
        <translation>{target} is not a printer address. Correct it in the settings.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/print_output.py" line="355"/>
        <source>The document cannot be read. Make it again.</source>
        <translation>The document cannot be read. Make it again.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/print_output.py" line="358"/>
        <source>The document is {width} mm wide but the roll is {roll} mm. Make the document again for this roll.</source>
        <translation>The document is {width} mm wide but the roll is {roll} mm. Make the document again for this roll.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/print_output.py" line="363"/>
        <source>Page {page} could not be prepared for printing.</source>
        <translation>Page {page} could not be prepared for printing.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/print_output.py" line="366"/>
        <source>No printer is installed on this computer.</source>
        <translation>No printer is installed on this computer.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/print_output.py" line="369"/>
        <source>The printer {printer} cannot start printing. Check that it is on and connected.</source>
        <translation>The printer {printer} cannot start printing. Check that it is on and connected.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/print_output.py" line="373"/>
        <source>The printer {printer} refused page {page}.</source>
        <translation>The printer {printer} refused page {page}.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/print_output.py" line="376"/>
        <source>The printer {printer} reported an error. Check that it is on, has paper and is connected, then print again.</source>
        <translation>The printer {printer} reported an error. Check that it is on, has paper and is connected, then print again.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/print_output.py" line="381"/>
        <source>The PDF could not be saved: {reason}</source>
        <translation>The PDF could not be saved: {reason}</translation>
    </message>
</context>
<context>
    <name>PrintPreviewDialog</name>
    <message>
        <location filename="../../src/counterdesk/gui/print_preview.py" line="0"/>
        <source>ESC/POS printer {target}</source>
        <translation>ESC/POS printer {target}</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/print_preview.py" line="195"/>
        <source>Queue ticket</source>
        <translation>Queue ticket</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/print_preview.py" line="196"/>
        <source>Receipt</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/print_preview.py" line="197"/>
        <source>Letter</source>
        <translation>Letter</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/print_preview.py" line="198"/>
        <source>Referral slip</source>
        <translation>Referral slip</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/print_preview.py" line="199"/>
        <source>Information sheet</source>
        <translation>Information sheet</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/print_preview.py" line="204"/>
        <source>Print preview: {document}</source>
        <translation>Print preview: {document}</translation>
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
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/print_preview.py" line="209"/>
        <source>Print</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/print_preview.py" line="210"/>
        <source>Print on the chosen printer (Ctrl+P)</source>
        <translation>Print on the chosen printer (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/print_preview.py" line="211"/>
        <source>Save as PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/print_preview.py" line="212"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/print_preview.py" line="217"/>
        <source>No printer found</source>
        <translation>No printer found</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/print_preview.py" line="219"/>
        <source>{name} (default)</source>
        <translation>{name} (default)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/print_preview.py" line="222"/>
        <source>No printer is installed on this computer. You can save the PDF instead.</source>
        <translation>No printer is installed on this computer. You can save the PDF instead.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/print_preview.py" line="277"/>
        <source>Printing on {printer}…</source>
        <translation>Printing on {printer}…</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/print_preview.py" line="284"/>
        <source>Sent to {printer}.</source>
        <translation>Sent to {printer}.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/print_preview.py" line="315"/>
        <source>Printed, but the printer choice could not be saved: {reason}</source>
        <translation>Printed, but the printer choice could not be saved: {reason}</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/print_preview.py" line="331"/>
        <source>Save as PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/print_preview.py" line="333"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/print_preview.py" line="351"/>
        <source>Saved to {path}.</source>
        <translation>Saved to {path}.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/print_preview.py" line="357"/>
        <location filename="../../src/counterdesk/gui/print_preview.py" line="364"/>
        <source>Please wait until the document has been sent to the printer.</source>
        <translation>Please wait until the document has been sent to the printer.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/print_preview.py" line="1"/>
        <source>{document} (draft, not numbered yet)</source>
        <translation>{document} (draft, not numbered yet)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/print_preview.py" line="1"/>
        <source>Issuing the letter (giving it its number)…</source>
        <translation>Issuing the letter (giving it its number)…</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/print_preview.py" line="1"/>
        <source>The letter was not issued: {reason}</source>
        <translation>The letter was not issued: {reason}</translation>
    </message>
</context>
<context>
    <name>PrinterSettings</name>
    <message>
        <location filename="../../src/counterdesk/gui/printer_settings.py" line="0"/>
        <source>&amp;Ticket to ESC/POS printer:</source>
        <translation>&amp;Ticket to ESC/POS printer:</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/printer_settings.py" line="0"/>
        <source>Ticket r&amp;oll:</source>
        <translation>Ticket r&amp;oll:</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/printer_settings.py" line="0"/>
        <source>Re&amp;ceipt to ESC/POS printer:</source>
        <translation>Re&amp;ceipt to ESC/POS printer:</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/printer_settings.py" line="0"/>
        <source>Receipt ro&amp;ll:</source>
        <translation>Receipt ro&amp;ll:</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/printer_settings.py" line="0"/>
        <source>&amp;Wait for a print at most:</source>
        <translation>&amp;Wait for a print at most:</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/printer_settings.py" line="0"/>
        <source>Empty: print through the printer chosen above. Otherwise a file, /dev/usb/lp0, tcp://HOST:9100, serial:PORT, win32raw:PRINTER NAME or cups:QUEUE.</source>
        <translation>Empty: print through the printer chosen above. Otherwise a file, /dev/usb/lp0, tcp://HOST:9100, serial:PORT, win32raw:PRINTER NAME or cups:QUEUE.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/printer_settings.py" line="0"/>
        <source>As the desk's roll</source>
        <translation>As the desk's roll</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/printer_settings.py" line="0"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/printer_settings.py" line="0"/>
        <source>Open the cash &amp;drawer after a receipt</source>
        <translation>Open the cash &amp;drawer after a receipt</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/printer_settings.py" line="0"/>
        <source>&amp;Beep when a ticket or receipt is printed</source>
        <translation>&amp;Beep when a ticket or receipt is printed</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/printer_settings.py" line="85"/>
        <source>&amp;Receipt and ticket printer:</source>
        <translation>&amp;Receipt and ticket printer:</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/printer_settings.py" line="86"/>
        <source>Paper &amp;roll width:</source>
        <translation>Paper &amp;roll width:</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/printer_settings.py" line="87"/>
        <source>&amp;Letter printer:</source>
        <translation>&amp;Letter printer:</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/printer_settings.py" line="88"/>
        <source>Letter &amp;paper:</source>
        <translation>Letter &amp;paper:</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/printer_settings.py" line="95"/>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/printer_settings.py" line="98"/>
        <source>Default printer of this computer</source>
        <translation>Default printer of this computer</translation>
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
        <translation>F4 (215 x 330 mm)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/printer_settings.py" line="109"/>
        <source>Only an administrator can change these settings.</source>
        <translation>Only an administrator can change these settings.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/printer_settings.py" line="171"/>
        <source>Saved.</source>
        <translation>Saved.</translation>
    </message>
</context>
<context>
    <name>QueueDisplay</name>
    <message>
        <location filename="../../src/counterdesk/gui/queue_display.py" line="181"/>
        <source>The queue cannot be read at the moment.</source>
        <translation>The queue cannot be read at the moment.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/queue_display.py" line="193"/>
        <source>No ticket called yet</source>
        <translation>No ticket called yet</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/queue_display.py" line="196"/>
        <source>please go to {counter}</source>
        <translation>please go to {counter}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/counterdesk/gui/queue_display.py" line="206"/>
        <source>Waiting: %n</source>
        <translation>
            <numerusform>Waiting: %n</numerusform>
            <numerusform>Waiting: %n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/queue_display.py" line="292"/>
        <source>Queue — {post}</source>
        <translation>Queue — {post}</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/queue_display.py" line="293"/>
        <source>TRAINING</source>
        <translation>TRAINING</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/queue_display.py" line="294"/>
        <source>Now serving ticket</source>
        <translation>Now serving ticket</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/queue_display.py" line="295"/>
        <source>Called before</source>
        <translation>Called before</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/queue_display.py" line="296"/>
        <source>F11: full screen · Esc: leave full screen</source>
        <translation>F11: full screen · Esc: leave full screen</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../../src/counterdesk/gui/reason_dialog.py" line="26"/>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/reason_dialog.py" line="30"/>
        <source>Back</source>
        <translation>Back</translation>
    </message>
</context>
<context>
    <name>ReferralOutcomeDialog</name>
    <message>
        <location filename="../../src/counterdesk/gui/referral_dialog.py" line="39"/>
        <source>Record referral outcome</source>
        <translation>Record referral outcome</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/referral_dialog.py" line="43"/>
        <source>Request {receipt}, referred to {agency}. What did the agency do?</source>
        <translation>Request {receipt}, referred to {agency}. What did the agency do?</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/referral_dialog.py" line="50"/>
        <source>&amp;Issued: the document comes back to the counter</source>
        <translation>&amp;Issued: the document comes back to the counter</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/referral_dialog.py" line="51"/>
        <source>&amp;Refused by the agency</source>
        <translation>&amp;Refused by the agency</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/referral_dialog.py" line="52"/>
        <source>&amp;Still in progress at the agency</source>
        <translation>&amp;Still in progress at the agency</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/referral_dialog.py" line="64"/>
        <source>&amp;Note (optional):</source>
        <translation>&amp;Note (optional):</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/referral_dialog.py" line="67"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/referral_dialog.py" line="72"/>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/referral_dialog.py" line="74"/>
        <source>Back</source>
        <translation>Back</translation>
    </message>
</context>
<context>
    <name>RegionMessages</name>
    <message>
        <location filename="../../src/counterdesk/gui/region_messages.py" line="1"/>
        <source>NIK starts with {regency}, which is not a regency of {province_name} in the Kemendagri code list. If the card is genuine, a supervisor can accept it with a reason.</source>
        <translation>NIK starts with {regency}, which is not a regency of {province_name} in the Kemendagri code list. If the card is genuine, a supervisor can accept it with a reason.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/region_messages.py" line="1"/>
        <source>Kecamatan {kecamatan} is not in the Kemendagri code list ({regency_name} has {range}). If the card is genuine, a supervisor can accept it with a reason.</source>
        <translation>Kecamatan {kecamatan} is not in the Kemendagri code list ({regency_name} has {range}). If the card is genuine, a supervisor can accept it with a reason.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/region_messages.py" line="1"/>
        <source>The NIK gives a birth date after today ({birth} is after {today} by this computer's clock). Check the NIK, and the computer's date if it is wrong.</source>
        <translation>The NIK gives a birth date after today ({birth} is after {today} by this computer's clock). Check the NIK, and the computer's date if it is wrong.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/region_messages.py" line="1"/>
        <source>This service is for Indonesian citizens only (a NIK is needed); it cannot be given on a foreign passport.</source>
        <translation>This service is for Indonesian citizens only (a NIK is needed); it cannot be given on a foreign passport.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/region_messages.py" line="1"/>
        <source>This service needs age {years} or more; the applicant is {age} (born {birth}).</source>
        <translation>This service needs age {years} or more; the applicant is {age} (born {birth}).</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/region_messages.py" line="1"/>
        <source>This service needs age {years} or more, and the birth date is not known.</source>
        <translation>This service needs age {years} or more, and the birth date is not known.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/region_messages.py" line="1"/>
        <source>{label} is {value}, after today ({today} by this computer's clock).</source>
        <translation>{label} is {value}, after today ({today} by this computer's clock).</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/region_messages.py" line="1"/>
        <source>This service is only for residents of kecamatan {places}: check the address on the KTP-el or KK, tick the box and copy the address.</source>
        <translation>This service is only for residents of kecamatan {places}: check the address on the KTP-el or KK, tick the box and copy the address.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/region_messages.py" line="1"/>
        <source>Only a supervisor or administrator may accept this; ask a supervisor to approve with their name and password.</source>
        <translation>Only a supervisor or administrator may accept this; ask a supervisor to approve with their name and password.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/region_messages.py" line="1"/>
        <source>Give the reason for accepting this.</source>
        <translation>Give the reason for accepting this.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/region_messages.py" line="1"/>
        <source>The reason is too long (at most 300 characters).</source>
        <translation>The reason is too long (at most 300 characters).</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/region_messages.py" line="1"/>
        <source>This rule cannot be overridden.</source>
        <translation>This rule cannot be overridden.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/region_messages.py" line="1"/>
        <source>This service has no such condition.</source>
        <translation>This service has no such condition.</translation>
    </message>
</context>
<context>
    <name>RegisterForm</name>
    <message>
        <location filename="../../src/counterdesk/gui/register_form.py" line="213"/>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/register_form.py" line="278"/>
        <source>Register (Ctrl+Enter)</source>
        <translation>Register (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/register_form.py" line="282"/>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/register_form.py" line="283"/>
        <source>Citizen</source>
        <translation>Citizen</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/register_form.py" line="284"/>
        <source>Details for this service (* required)</source>
        <translation>Details for this service (* required)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/register_form.py" line="285"/>
        <source>Identity</source>
        <translation>Identity</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/register_form.py" line="286"/>
        <source>Full name *</source>
        <translation>Full name *</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/register_form.py" line="287"/>
        <source>As written on the ID card</source>
        <translation>As written on the ID card</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/register_form.py" line="288"/>
        <source>Full name</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/register_form.py" line="289"/>
        <source>Register</source>
        <translation>Register</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/register_form.py" line="1"/>
        <source>Indonesian citizens only (NIK); not on a foreign passport.</source>
        <translation>Indonesian citizens only (NIK); not on a foreign passport.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/register_form.py" line="1"/>
        <source>Age {years} or more.</source>
        <translation>Age {years} or more.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/register_form.py" line="1"/>
        <source>Dates of events cannot be after today.</source>
        <translation>Dates of events cannot be after today.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/register_form.py" line="1"/>
        <source>Only for residents of kecamatan {places}, checked from the address on the KTP-el or KK (the NIK's digits say where it was issued, not where the person lives).</source>
        <translation>Only for residents of kecamatan {places}, checked from the address on the KTP-el or KK (the NIK's digits say where it was issued, not where the person lives).</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/register_form.py" line="1"/>
        <source>Who may use this service</source>
        <translation>Who may use this service</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/register_form.py" line="1"/>
        <source>Address as written on the KTP-el or KK</source>
        <translation>Address as written on the KTP-el or KK</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/register_form.py" line="1"/>
        <source>Address on the KTP-el or KK</source>
        <translation>Address on the KTP-el or KK</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/register_form.py" line="1"/>
        <source>Residence checked on the KTP-el or KK</source>
        <translation>Residence checked on the KTP-el or KK</translation>
    </message>
</context>
<context>
    <name>RegisterResult</name>
    <message>
        <location filename="../../src/counterdesk/gui/register_result.py" line="84"/>
        <source>Ticket {ticket}</source>
        <translation>Ticket {ticket}</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/register_result.py" line="86"/>
        <source>Receipt no. {receipt}</source>
        <translation>Receipt no. {receipt}</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/register_result.py" line="88"/>
        <source>Ready by: {date}</source>
        <translation>Ready by: {date}</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/register_result.py" line="79"/>
        <source>Print receipt (F7)</source>
        <translation>Print receipt (F7)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/register_result.py" line="80"/>
        <source>Print ticket (F8)</source>
        <translation>Print ticket (F8)</translation>
    </message>
</context>
<context>
    <name>RequestDetail</name>
    <message>
        <location filename="../../src/counterdesk/gui/request_detail.py" line="182"/>
        <source>overdue</source>
        <translation>overdue</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_detail.py" line="186"/>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_detail.py" line="187"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_detail.py" line="188"/>
        <source>Identity</source>
        <translation>Identity</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_detail.py" line="189"/>
        <location filename="../../src/counterdesk/gui/request_detail.py" line="226"/>
        <source>Registered</source>
        <translation>Registered</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_detail.py" line="190"/>
        <source>Ready by</source>
        <translation>Ready by</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_detail.py" line="193"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_detail.py" line="195"/>
        <source>Referral outcome</source>
        <translation>Referral outcome</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_detail.py" line="207"/>
        <source>Documents handed in</source>
        <translation>Documents handed in</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_detail.py" line="222"/>
        <source>{old} → {new}</source>
        <translation>{old} → {new}</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_detail.py" line="264"/>
        <source>Referral outcome recorded</source>
        <translation>Referral outcome recorded</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_detail.py" line="234"/>
        <source>Complaint recorded</source>
        <translation>Complaint recorded</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_detail.py" line="236"/>
        <source>Complaint answered</source>
        <translation>Complaint answered</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_detail.py" line="248"/>
        <source>none recorded yet</source>
        <translation>none recorded yet</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_detail.py" line="254"/>
        <source>by the district office ({officer})</source>
        <translation>by the district office ({officer})</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_detail.py" line="265"/>
        <source>Referral outcome: {outcome}</source>
        <translation>Referral outcome: {outcome}</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_detail.py" line="267"/>
        <source>(from the district office, {officer})</source>
        <translation>(from the district office, {officer})</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_detail.py" line="371"/>
        <source>Reject request</source>
        <translation>Reject request</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_detail.py" line="372"/>
        <source>Why is the request rejected? The citizen is told this reason.</source>
        <translation>Why is the request rejected? The citizen is told this reason.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_detail.py" line="373"/>
        <source>Reject</source>
        <translation>Reject</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_detail.py" line="375"/>
        <source>Cancel request</source>
        <translation>Cancel request</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_detail.py" line="376"/>
        <source>Why is the request cancelled?</source>
        <translation>Why is the request cancelled?</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_detail.py" line="377"/>
        <source>Cancel the request</source>
        <translation>Cancel the request</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_detail.py" line="471"/>
        <source>Choose a request in the list to see it here.</source>
        <translation>Choose a request in the list to see it here.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_detail.py" line="472"/>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_detail.py" line="474"/>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_detail.py" line="475"/>
        <source>Ready for collection</source>
        <translation>Ready for collection</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_detail.py" line="476"/>
        <source>Handed over</source>
        <translation>Handed over</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_detail.py" line="477"/>
        <source>Refer</source>
        <translation>Refer</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_detail.py" line="478"/>
        <source>Reject…</source>
        <translation>Reject…</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_detail.py" line="479"/>
        <source>Cancel request…</source>
        <translation>Cancel request…</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_detail.py" line="484"/>
        <source>Supervisors and administrators only</source>
        <translation>Supervisors and administrators only</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_detail.py" line="228"/>
        <source>Ticket called</source>
        <translation>Ticket called</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_detail.py" line="230"/>
        <source>Letter issued</source>
        <translation>Letter issued</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_detail.py" line="319"/>
        <source>Print referral slip (F6)</source>
        <translation>Print referral slip (F6)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_detail.py" line="321"/>
        <source>Print letter (F6)</source>
        <translation>Print letter (F6)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_detail.py" line="485"/>
        <source>Print receipt (F7)</source>
        <translation>Print receipt (F7)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_detail.py" line="486"/>
        <source>Print ticket (F8)</source>
        <translation>Print ticket (F8)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_detail.py" line="487"/>
        <source>Call again (Shift+F9)</source>
        <translation>Call again (Shift+F9)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_detail.py" line="488"/>
        <source>Record referral &amp;outcome…</source>
        <translation>Record referral &amp;outcome…</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_detail.py" line="490"/>
        <source>What the other agency did: issued, refused or still in progress</source>
        <translation>What the other agency did: issued, refused or still in progress</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_detail.py" line="492"/>
        <source>Com&amp;plaint…</source>
        <translation>Com&amp;plaint…</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_detail.py" line="493"/>
        <source>Record or answer a complaint about this request</source>
        <translation>Record or answer a complaint about this request</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_detail.py" line="495"/>
        <source>Call this ticket again: the citizen did not come forward, or is served now</source>
        <translation>Call this ticket again: the citizen did not come forward, or is served now</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_detail.py" line="1"/>
        <source>Accepted by {by}: {reason} ({detail})</source>
        <translation>Accepted by {by}: {reason} ({detail})</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_detail.py" line="1"/>
        <source>Residence confirmed from the KTP-el/KK: {address}</source>
        <translation>Residence confirmed from the KTP-el/KK: {address}</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_detail.py" line="1"/>
        <source>Conditions confirmed: {keys}</source>
        <translation>Conditions confirmed: {keys}</translation>
    </message>
</context>
<context>
    <name>RequestTableModel</name>
    <message>
        <location filename="../../src/counterdesk/gui/request_model.py" line="170"/>
        <source>Ticket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_model.py" line="171"/>
        <source>Receipt no.</source>
        <translation>Receipt no.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_model.py" line="172"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_model.py" line="173"/>
        <source>Identity</source>
        <translation>Identity</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_model.py" line="174"/>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_model.py" line="175"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_model.py" line="176"/>
        <source>Registered</source>
        <translation>Registered</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_model.py" line="177"/>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/request_model.py" line="207"/>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
</context>
<context>
    <name>RequestsView</name>
    <message>
        <location filename="../../src/counterdesk/gui/requests_view.py" line="177"/>
        <source>Today&apos;s queue</source>
        <translation>Today&apos;s queue</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/requests_view.py" line="178"/>
        <source>All days</source>
        <translation>All days</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/requests_view.py" line="180"/>
        <source>Every status</source>
        <translation>Every status</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/requests_view.py" line="184"/>
        <source>Every service</source>
        <translation>Every service</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/counterdesk/gui/requests_view.py" line="275"/>
        <source>%n request(s)</source>
        <translation>
            <numerusform>%n request</numerusform>
            <numerusform>%n requests</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/requests_view.py" line="422"/>
        <source>Search: name, NIK, passport, receipt (F3)</source>
        <translation>Search: name, NIK, passport, receipt (F3)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/requests_view.py" line="424"/>
        <source>Type to search. Scan or type a receipt number and press Enter to open it.</source>
        <translation>Type to search. Scan or type a receipt number and press Enter to open it.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/requests_view.py" line="426"/>
        <source>Search requests</source>
        <translation>Search requests</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/requests_view.py" line="427"/>
        <source>Status filter</source>
        <translation>Status filter</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/requests_view.py" line="428"/>
        <source>Service filter</source>
        <translation>Service filter</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/requests_view.py" line="429"/>
        <source>Today or all days</source>
        <translation>Today or all days</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/requests_view.py" line="430"/>
        <source>Requests</source>
        <translation>Requests</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/counterdesk/gui/requests_view.py" line="377"/>
        <source>Waiting: %n</source>
        <translation>
            <numerusform>Waiting: %n</numerusform>
            <numerusform>Waiting: %n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/requests_view.py" line="417"/>
        <source>Call next (F9)</source>
        <translation>Call next (F9)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/requests_view.py" line="419"/>
        <source>Call the oldest waiting ticket of today to this counter</source>
        <translation>Call the oldest waiting ticket of today to this counter</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/counterdesk/gui/requests_view.py" line="278"/>
        <source>The newest %n request(s) shown; counting the rest…</source>
        <translation>
            <numerusform>The newest %n request shown; counting the rest…</numerusform>
            <numerusform>The newest %n requests shown; counting the rest…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ServiceInfo</name>
    <message numerus="yes">
        <location filename="../../src/counterdesk/gui/service_info.py" line="139"/>
        <source>%n required document(s) not yet ticked.</source>
        <translation>
            <numerusform>%n required document not yet ticked.</numerusform>
            <numerusform>%n required documents not yet ticked.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/service_info.py" line="144"/>
        <source>Requirements (tick what the citizen handed in)</source>
        <translation>Requirements (tick what the citizen handed in)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/service_info.py" line="146"/>
        <source>No service chosen</source>
        <translation>No service chosen</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/service_info.py" line="148"/>
        <source>Type the service code or part of its name, then press Enter.</source>
        <translation>Type the service code or part of its name, then press Enter.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/service_info.py" line="166"/>
        <source>Completion time</source>
        <translation>Completion time</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/service_info.py" line="167"/>
        <source>Fee</source>
        <translation>Fee</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/service_info.py" line="168"/>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/service_info.py" line="171"/>
        <source>Referred to</source>
        <translation>Referred to</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/service_info.py" line="180"/>
        <source>(required)</source>
        <translation>(required)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/service_info.py" line="188"/>
        <source>Referral slip to another agency</source>
        <translation>Referral slip to another agency</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/service_info.py" line="189"/>
        <source>Service at the counter</source>
        <translation>Service at the counter</translation>
    </message>
</context>
<context>
    <name>ServicePicker</name>
    <message>
        <location filename="../../src/counterdesk/gui/service_picker.py" line="90"/>
        <source>Type a service code or name</source>
        <translation>Type a service code or name</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/service_picker.py" line="91"/>
        <source>Service</source>
        <translation>Service</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../src/counterdesk/gui/settings_dialog.py" line="214"/>
        <source>Example: {number}</source>
        <translation>Example: {number}</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/settings_dialog.py" line="240"/>
        <location filename="../../src/counterdesk/gui/settings_dialog.py" line="329"/>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/settings_dialog.py" line="240"/>
        <location filename="../../src/counterdesk/gui/settings_dialog.py" line="329"/>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/settings_dialog.py" line="283"/>
        <source>Desk settings</source>
        <translation>Desk settings</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/settings_dialog.py" line="284"/>
        <source>Printers</source>
        <translation>Printers</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/settings_dialog.py" line="285"/>
        <source>Desk</source>
        <translation>Desk</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/settings_dialog.py" line="286"/>
        <source>Letters</source>
        <translation>Letters</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/settings_dialog.py" line="288"/>
        <source>Desk &amp;language:</source>
        <translation>Desk &amp;language:</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/settings_dialog.py" line="289"/>
        <source>Lock after (&amp;minutes idle):</source>
        <translation>Lock after (&amp;minutes idle):</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/settings_dialog.py" line="291"/>
        <source>Counter &amp;name on this PC:</source>
        <translation>Counter &amp;name on this PC:</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/settings_dialog.py" line="292"/>
        <source>Letterhead: &amp;government:</source>
        <translation>Letterhead: &amp;government:</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/settings_dialog.py" line="293"/>
        <source>Letterhead: &amp;office:</source>
        <translation>Letterhead: &amp;office:</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/settings_dialog.py" line="294"/>
        <source>Letterhead: &amp;address:</source>
        <translation>Letterhead: &amp;address:</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/settings_dialog.py" line="295"/>
        <source>&amp;Place of signing:</source>
        <translation>&amp;Place of signing:</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/settings_dialog.py" line="296"/>
        <source>&amp;Signer&apos;s name:</source>
        <translation>&amp;Signer&apos;s name:</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/settings_dialog.py" line="297"/>
        <source>Signer&apos;s &amp;title:</source>
        <translation>Signer&apos;s &amp;title:</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/settings_dialog.py" line="298"/>
        <source>Signer&apos;s &amp;NIP:</source>
        <translation>Signer&apos;s &amp;NIP:</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/settings_dialog.py" line="299"/>
        <source>Letter &amp;paper:</source>
        <translation>Letter &amp;paper:</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/settings_dialog.py" line="300"/>
        <source>Languages:</source>
        <translation>Languages:</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/settings_dialog.py" line="301"/>
        <source>Letter &amp;number template:</source>
        <translation>Letter &amp;number template:</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/settings_dialog.py" line="307"/>
        <source>Bilingual letters (Indonesian and English)</source>
        <translation>Bilingual letters (Indonesian and English)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/settings_dialog.py" line="311"/>
        <source>The language the app starts in; each person can switch it in the menu.</source>
        <translation>The language the app starts in; each person can switch it in the menu.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/settings_dialog.py" line="314"/>
        <source>Shown on the queue screen when a ticket is called, e.g. Loket 1.</source>
        <translation>Shown on the queue screen when a ticket is called, e.g. Loket 1.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/settings_dialog.py" line="320"/>
        <source>A4 (210 x 297 mm)</source>
        <translation>A4 (210 x 297 mm)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/settings_dialog.py" line="320"/>
        <source>F4 (215 x 330 mm)</source>
        <translation>F4 (215 x 330 mm)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/settings_dialog.py" line="330"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/settings_dialog.py" line="332"/>
        <source>Only an administrator can change these settings.</source>
        <translation>Only an administrator can change these settings.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/settings_dialog.py" line="290"/>
        <source>After registering:</source>
        <translation>After registering:</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/settings_dialog.py" line="306"/>
        <source>Print the receipt and the ticket at once</source>
        <translation>Print the receipt and the ticket at once</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/settings_dialog.py" line="1"/>
        <source>On behalf of (a.n./u.b.):</source>
        <translation>On behalf of (a.n./u.b.):</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/settings_dialog.py" line="1"/>
        <source>Signer&apos;s &amp;rank (pangkat/golongan):</source>
        <translation>Signer&apos;s &amp;rank (pangkat/golongan):</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/settings_dialog.py" line="1"/>
        <source>e.g. Camat Jagoi Babang</source>
        <translation>e.g. Camat Jagoi Babang</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/settings_dialog.py" line="1"/>
        <source>e.g. a.n. Camat (or empty)</source>
        <translation>e.g. a.n. Camat (or empty)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/settings_dialog.py" line="1"/>
        <source>Placeholders: {classification} code of the service, {n} (or {n:04d}) running number of the year, {desk} desk code, {month_roman} month in Roman numerals, {month}, {year}. {n}, {desk} and {year} are required.</source>
        <translation>Placeholders: {classification} code of the service, {n} (or {n:04d}) running number of the year, {desk} desk code, {month_roman} month in Roman numerals, {month}, {year}. {n}, {desk} and {year} are required.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/settings_dialog.py" line="1"/>
        <source>Set by the district for {post} (these take precedence over the values below): {values}</source>
        <translation>Set by the district for {post} (these take precedence over the values below): {values}</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/settings_dialog.py" line="1"/>
        <source>No signer is set for {post}: no letter can be issued until the signer&apos;s name and title are set here or by the district at the hub.</source>
        <translation>No signer is set for {post}: no letter can be issued until the signer&apos;s name and title are set here or by the district at the hub.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../src/counterdesk/gui/shortcuts_dialog.py" line="80"/>
        <source>Everywhere in the main window</source>
        <translation>Everywhere in the main window</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/shortcuts_dialog.py" line="81"/>
        <source>Registration form</source>
        <translation>Registration form</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/shortcuts_dialog.py" line="83"/>
        <source>Take the service typed, move to the next input</source>
        <translation>Take the service typed, move to the next input</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/shortcuts_dialog.py" line="84"/>
        <source>Tick the document the citizen handed in</source>
        <translation>Tick the document the citizen handed in</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/shortcuts_dialog.py" line="85"/>
        <source>Next input (Shift+Tab: the one before)</source>
        <translation>Next input (Shift+Tab: the one before)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/shortcuts_dialog.py" line="86"/>
        <source>Register (from any input)</source>
        <translation>Register (from any input)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/shortcuts_dialog.py" line="87"/>
        <source>Passport (foreign citizen) instead of a NIK</source>
        <translation>Passport (foreign citizen) instead of a NIK</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/shortcuts_dialog.py" line="89"/>
        <source>Requests list</source>
        <translation>Requests list</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/shortcuts_dialog.py" line="91"/>
        <source>In the search box: open the receipt number</source>
        <translation>In the search box: open the receipt number</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/shortcuts_dialog.py" line="92"/>
        <source>Clear the search</source>
        <translation>Clear the search</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/shortcuts_dialog.py" line="93"/>
        <source>Choose a request</source>
        <translation>Choose a request</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/shortcuts_dialog.py" line="95"/>
        <source>Print preview</source>
        <translation>Print preview</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/shortcuts_dialog.py" line="97"/>
        <source>Print</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/shortcuts_dialog.py" line="98"/>
        <location filename="../../src/counterdesk/gui/shortcuts_dialog.py" line="120"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/shortcuts_dialog.py" line="100"/>
        <source>Queue screen</source>
        <translation>Queue screen</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/shortcuts_dialog.py" line="102"/>
        <source>Full screen on or off</source>
        <translation>Full screen on or off</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/shortcuts_dialog.py" line="103"/>
        <source>Leave full screen</source>
        <translation>Leave full screen</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/shortcuts_dialog.py" line="105"/>
        <source>This list</source>
        <translation>This list</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/shortcuts_dialog.py" line="105"/>
        <location filename="../../src/counterdesk/gui/shortcuts_dialog.py" line="112"/>
        <location filename="../../src/counterdesk/gui/shortcuts_dialog.py" line="121"/>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/shortcuts_dialog.py" line="115"/>
        <source>counterdesk can be used with the keyboard alone. Underlined letters in the menus open them with Alt.</source>
        <translation>counterdesk can be used with the keyboard alone. Underlined letters in the menus open them with Alt.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/shortcuts_dialog.py" line="119"/>
        <source>Key</source>
        <translation>Key</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/shortcuts_dialog.py" line="119"/>
        <source>What it does</source>
        <translation>What it does</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/shortcuts_dialog.py" line="106"/>
        <source>Staff accounts (administrators)</source>
        <translation>Staff accounts (administrators)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/shortcuts_dialog.py" line="108"/>
        <source>Add an account</source>
        <translation>Add an account</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/shortcuts_dialog.py" line="109"/>
        <source>Deactivate or activate the chosen account</source>
        <translation>Deactivate or activate the chosen account</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/shortcuts_dialog.py" line="110"/>
        <source>Unlock the chosen account</source>
        <translation>Unlock the chosen account</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/shortcuts_dialog.py" line="111"/>
        <source>New password for the chosen account</source>
        <translation>New password for the chosen account</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/shortcuts_dialog.py" line="113"/>
        <source>Daily report, print log, desk status</source>
        <translation>Daily report, print log, desk status</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/shortcuts_dialog.py" line="118"/>
        <source>Daily report: preview and print</source>
        <translation>Daily report: preview and print</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/shortcuts_dialog.py" line="120"/>
        <source>Read again</source>
        <translation>Read again</translation>
    </message>
</context>
<context>
    <name>SurveyDialog</name>
    <message>
        <location filename="../../src/counterdesk/gui/survey_dialog.py" line="212"/>
        <source>Question {number} of {total}</source>
        <translation>Question {number} of {total}</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/survey_dialog.py" line="231"/>
        <source>Satisfaction survey</source>
        <translation>Satisfaction survey</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/survey_dialog.py" line="232"/>
        <source>How was our service?</source>
        <translation>How was our service?</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/survey_dialog.py" line="247"/>
        <source>‹ Previous</source>
        <translation>‹ Previous</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/survey_dialog.py" line="248"/>
        <source>Next ›</source>
        <translation>Next ›</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/survey_dialog.py" line="249"/>
        <source>Comments or suggestions (optional):</source>
        <translation>Comments or suggestions (optional):</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/survey_dialog.py" line="250"/>
        <source>Comments or suggestions</source>
        <translation>Comments or suggestions</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/survey_dialog.py" line="251"/>
        <source>Skip</source>
        <translation>Skip</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/survey_dialog.py" line="252"/>
        <source>Send</source>
        <translation>Send</translation>
    </message>
</context>
<context>
    <name>SyncActions</name>
    <message numerus="yes">
        <location filename="../../src/counterdesk/gui/sync_actions.py" line="99"/>
        <source>Files from the district read: %n</source>
        <translation>
            <numerusform>Files from the district read: %n</numerusform>
            <numerusform>Files from the district read: %n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/sync_actions.py" line="105"/>
        <source>The district has acknowledged events up to no. {seq}.</source>
        <translation>The district has acknowledged events up to no. {seq}.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/sync_actions.py" line="111"/>
        <source>No new acknowledgement (acknowledged up to no. {seq}).</source>
        <translation>No new acknowledgement (acknowledged up to no. {seq}).</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/sync_actions.py" line="117"/>
        <source>Service catalogue updated to version {version}; log in again to see it in the registration form.</source>
        <translation>Service catalogue updated to version {version}; log in again to see it in the registration form.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/counterdesk/gui/sync_actions.py" line="126"/>
        <source>Files written to the stick: %n</source>
        <translation>
            <numerusform>Files written to the stick: %n</numerusform>
            <numerusform>Files written to the stick: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/counterdesk/gui/sync_actions.py" line="130"/>
        <source>(%n event(s))</source>
        <translation>
            <numerusform>(%n event)</numerusform>
            <numerusform>(%n events)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/counterdesk/gui/sync_actions.py" line="136"/>
        <location filename="../../src/counterdesk/gui/sync_actions.py" line="175"/>
        <source>Not yet acknowledged by the district: %n event(s)</source>
        <translation>
            <numerusform>Not yet acknowledged by the district: %n event</numerusform>
            <numerusform>Not yet acknowledged by the district: %n events</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/sync_actions.py" line="142"/>
        <source>Not usable: {file} — {reason}</source>
        <translation>Not usable: {file} — {reason}</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/sync_actions.py" line="152"/>
        <source>District hub: {url}</source>
        <translation>District hub: {url}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/counterdesk/gui/sync_actions.py" line="155"/>
        <source>Sent: %n bundle(s)</source>
        <translation>
            <numerusform>Sent: %n bundle</numerusform>
            <numerusform>Sent: %n bundles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/counterdesk/gui/sync_actions.py" line="157"/>
        <source>(%n new event(s))</source>
        <translation>
            <numerusform>(%n new event)</numerusform>
            <numerusform>(%n new events)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/sync_actions.py" line="163"/>
        <source>The service catalogue was updated; log in again to see it in the registration form.</source>
        <translation>The service catalogue was updated; log in again to see it in the registration form.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/sync_actions.py" line="170"/>
        <source>Acknowledged by the district up to no. {seq}.</source>
        <translation>Acknowledged by the district up to no. {seq}.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/sync_actions.py" line="277"/>
        <source>The USB stick&apos;s folder</source>
        <translation>The USB stick&apos;s folder</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/sync_actions.py" line="290"/>
        <source>Exchanging data with the USB stick in {folder}…</source>
        <translation>Exchanging data with the USB stick in {folder}…</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/sync_actions.py" line="300"/>
        <source>USB exchange done.</source>
        <translation>USB exchange done.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/sync_actions.py" line="305"/>
        <source>USB exchange done</source>
        <translation>USB exchange done</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/sync_actions.py" line="307"/>
        <source>USB exchange: some files could not be used</source>
        <translation>USB exchange: some files could not be used</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/sync_actions.py" line="315"/>
        <source>The USB exchange did not succeed</source>
        <translation>The USB exchange did not succeed</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/sync_actions.py" line="360"/>
        <source>Exchanging data with the district hub {url}…</source>
        <translation>Exchanging data with the district hub {url}…</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/sync_actions.py" line="372"/>
        <source>Synced with the district at {time}.</source>
        <translation>Synced with the district at {time}.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/sync_actions.py" line="375"/>
        <source>Exchange with the district done.</source>
        <translation>Exchange with the district done.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/sync_actions.py" line="376"/>
        <source>Exchange with the district done</source>
        <translation>Exchange with the district done</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/sync_actions.py" line="385"/>
        <source>The exchange with the district did not succeed</source>
        <translation>The exchange with the district did not succeed</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/sync_actions.py" line="396"/>
        <source>The district hub refused the exchange</source>
        <translation>The district hub refused the exchange</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/sync_actions.py" line="400"/>
        <source>Automatic sync failed at {time}; it is tried again.</source>
        <translation>Automatic sync failed at {time}; it is tried again.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/counterdesk/gui/sync_actions.py" line="426"/>
        <source>%n event(s) not acknowledged by the district for more than {hours} hours, although the hub answers. Call the district office.</source>
        <translation>
            <numerusform>%n event not acknowledged by the district for more than {hours} hours, although the hub answers. Call the district office.</numerusform>
            <numerusform>%n events not acknowledged by the district for more than {hours} hours, although the hub answers. Call the district office.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/sync_actions.py" line="453"/>
        <source>Exchange with the district</source>
        <translation>Exchange with the district</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/sync_actions.py" line="480"/>
        <source>USB stick: exchange with the district</source>
        <translation>USB stick: exchange with the district</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/sync_actions.py" line="481"/>
        <source>USB (Ctrl+U)</source>
        <translation>USB (Ctrl+U)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/sync_actions.py" line="482"/>
        <location filename="../../src/counterdesk/gui/sync_actions.py" line="483"/>
        <source>Sync now</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/sync_actions.py" line="484"/>
        <source>District hub address…</source>
        <translation>District hub address…</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/sync_actions.py" line="487"/>
        <source>A training desk belongs to no district: nothing is exchanged with a hub.</source>
        <translation>A training desk belongs to no district: nothing is exchanged with a hub.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/sync_actions.py" line="495"/>
        <source>Read the district&apos;s replies from a USB stick and write the pending data to it (Ctrl+U)</source>
        <translation>Read the district&apos;s replies from a USB stick and write the pending data to it (Ctrl+U)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/sync_actions.py" line="500"/>
        <source>Exchange data with the district hub over the network now (Ctrl+Shift+S)</source>
        <translation>Exchange data with the district hub over the network now (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/sync_actions.py" line="502"/>
        <source>Change the address of the district hub</source>
        <translation>Change the address of the district hub</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/counterdesk/gui/sync_actions.py" line="420"/>
        <source>%n event(s) unacknowledged for over {hours} hours — call the district</source>
        <translation>
            <numerusform>%n event unacknowledged for over {hours} hours — call the district</numerusform>
            <numerusform>%n events unacknowledged for over {hours} hours — call the district</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Texts</name>
    <message>
        <location filename="../../src/counterdesk/gui/texts.py" line="15"/>
        <source>Registered</source>
        <translation>Registered</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/texts.py" line="16"/>
        <source>In progress</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/texts.py" line="17"/>
        <source>Ready for collection</source>
        <translation>Ready for collection</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/texts.py" line="18"/>
        <source>Collected</source>
        <translation>Collected</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/texts.py" line="19"/>
        <source>Referred</source>
        <translation>Referred</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/texts.py" line="20"/>
        <source>Rejected</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/texts.py" line="21"/>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/texts.py" line="31"/>
        <source>female</source>
        <translation>female</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/texts.py" line="32"/>
        <source>male</source>
        <translation>male</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/texts.py" line="37"/>
        <source>counter staff</source>
        <translation>counter staff</translation>
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
        <translation>Free of charge</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/texts.py" line="89"/>
        <source>same day</source>
        <translation>same day</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/counterdesk/gui/texts.py" line="90"/>
        <source>%n working day(s)</source>
        <translation>
            <numerusform>%n working day</numerusform>
            <numerusform>%n working days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/counterdesk/gui/texts.py" line="96"/>
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/counterdesk/gui/texts.py" line="98"/>
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/counterdesk/gui/texts.py" line="99"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/texts.py" line="111"/>
        <source>Passport {number}</source>
        <translation>Passport {number}</translation>
    </message>
</context>
<context>
    <name>AccountDialog</name>
    <message>
        <location filename="../../src/counterdesk/gui/office/staff_dialog.py" line="115"/>
        <source>Login &amp;name:</source>
        <translation>Login &amp;name:</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/staff_dialog.py" line="116"/>
        <source>&amp;Full name:</source>
        <translation>&amp;Full name:</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/staff_dialog.py" line="117"/>
        <source>&amp;Role:</source>
        <translation>&amp;Role:</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/staff_dialog.py" line="118"/>
        <source>N&amp;IP (optional):</source>
        <translation>N&amp;IP (optional):</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/staff_dialog.py" line="119"/>
        <source>New &amp;password:</source>
        <translation>New &amp;password:</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/staff_dialog.py" line="120"/>
        <source>Password &amp;again:</source>
        <translation>Password &amp;again:</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/staff_dialog.py" line="136"/>
        <source>Add a staff account</source>
        <translation>Add a staff account</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/staff_dialog.py" line="137"/>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/staff_dialog.py" line="140"/>
        <source>New password for {name}</source>
        <translation>New password for {name}</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/staff_dialog.py" line="141"/>
        <source>Set password</source>
        <translation>Set password</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/staff_dialog.py" line="143"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>DailyReportDialog</name>
    <message>
        <location filename="../../src/counterdesk/gui/office/daily_report_dialog.py" line="134"/>
        <source>Counting…</source>
        <translation>Counting…</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/daily_report_dialog.py" line="149"/>
        <source>{tickets} ticket(s), {calls} call(s)</source>
        <translation>{tickets} ticket(s), {calls} call(s)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/daily_report_dialog.py" line="157"/>
        <source>median {median:.0f} min, longest {longest:.0f} min</source>
        <translation>median {median:.0f} min, longest {longest:.0f} min</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/daily_report_dialog.py" line="162"/>
        <source>{collected} ({on_time} on time, {late} late)</source>
        <translation>{collected} ({on_time} on time, {late} late)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/daily_report_dialog.py" line="182"/>
        <source>Preparing the report…</source>
        <translation>Preparing the report…</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/daily_report_dialog.py" line="203"/>
        <source>Daily report {day}</source>
        <translation>Daily report {day}</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/daily_report_dialog.py" line="232"/>
        <source>Daily report</source>
        <translation>Daily report</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/daily_report_dialog.py" line="233"/>
        <source>&amp;Day:</source>
        <translation>&amp;Day:</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/daily_report_dialog.py" line="235"/>
        <source>Registered:</source>
        <translation>Registered:</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/daily_report_dialog.py" line="236"/>
        <source>Called at the counter:</source>
        <translation>Called at the counter:</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/daily_report_dialog.py" line="237"/>
        <source>Waiting time:</source>
        <translation>Waiting time:</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/daily_report_dialog.py" line="238"/>
        <source>Collected:</source>
        <translation>Collected:</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/daily_report_dialog.py" line="239"/>
        <source>Overdue:</source>
        <translation>Overdue:</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/daily_report_dialog.py" line="240"/>
        <source>Open complaints:</source>
        <translation>Open complaints:</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/daily_report_dialog.py" line="244"/>
        <source>Preview and print (Ctrl+P)</source>
        <translation>Preview and print (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/daily_report_dialog.py" line="245"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>ManualDialog</name>
    <message>
        <location filename="../../src/counterdesk/gui/help_manual.py" line="52"/>
        <source>Manual</source>
        <translation>Manual</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/help_manual.py" line="53"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/help_manual.py" line="59"/>
        <source>The manual is missing from this installation ({error}).</source>
        <translation>The manual is missing from this installation ({error}).</translation>
    </message>
</context>
<context>
    <name>PrintLogDialog</name>
    <message>
        <location filename="../../src/counterdesk/gui/office/print_log_dialog.py" line="89"/>
        <source>{prints} print(s), {reprints} reprint(s)</source>
        <translation>{prints} print(s), {reprints} reprint(s)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/print_log_dialog.py" line="103"/>
        <source>Reprint</source>
        <translation>Reprint</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/print_log_dialog.py" line="103"/>
        <source>First print</source>
        <translation>First print</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/print_log_dialog.py" line="108"/>
        <source>Daily report</source>
        <translation>Daily report</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/print_log_dialog.py" line="115"/>
        <source>Print log</source>
        <translation>Print log</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/print_log_dialog.py" line="116"/>
        <source>&amp;Day:</source>
        <translation>&amp;Day:</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/print_log_dialog.py" line="119"/>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/print_log_dialog.py" line="120"/>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/print_log_dialog.py" line="121"/>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/print_log_dialog.py" line="122"/>
        <source>Receipt</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/print_log_dialog.py" line="123"/>
        <source>Printed by</source>
        <translation>Printed by</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/print_log_dialog.py" line="124"/>
        <source>Printer</source>
        <translation>Printer</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/print_log_dialog.py" line="125"/>
        <source>Print</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/print_log_dialog.py" line="129"/>
        <source>Refresh (F5)</source>
        <translation>Refresh (F5)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/print_log_dialog.py" line="130"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>StaffDialog</name>
    <message>
        <location filename="../../src/counterdesk/gui/office/staff_dialog.py" line="49"/>
        <source>An account with this name already exists.</source>
        <translation>An account with this name already exists.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/staff_dialog.py" line="52"/>
        <source>There is no such account at this desk.</source>
        <translation>There is no such account at this desk.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/staff_dialog.py" line="55"/>
        <source>The district manages this account; ask the district to change it.</source>
        <translation>The district manages this account; ask the district to change it.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/staff_dialog.py" line="58"/>
        <source>You cannot change your own account here; ask another administrator.</source>
        <translation>You cannot change your own account here; ask another administrator.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/staff_dialog.py" line="61"/>
        <source>The two passwords are not the same.</source>
        <translation>The two passwords are not the same.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/staff_dialog.py" line="219"/>
        <source>active</source>
        <translation>active</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/staff_dialog.py" line="219"/>
        <source>deactivated</source>
        <translation>deactivated</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/staff_dialog.py" line="221"/>
        <source>locked</source>
        <translation>locked</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/staff_dialog.py" line="222"/>
        <source>district</source>
        <translation>district</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/staff_dialog.py" line="222"/>
        <source>this desk</source>
        <translation>this desk</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/staff_dialog.py" line="251"/>
        <source>&amp;Activate (Ctrl+D)</source>
        <translation>&amp;Activate (Ctrl+D)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/staff_dialog.py" line="253"/>
        <source>&amp;Deactivate (Ctrl+D)</source>
        <translation>&amp;Deactivate (Ctrl+D)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/staff_dialog.py" line="277"/>
        <source>{name} can log in again.</source>
        <translation>{name} can log in again.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/staff_dialog.py" line="279"/>
        <source>{name} can no longer log in.</source>
        <translation>{name} can no longer log in.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/staff_dialog.py" line="291"/>
        <source>{name} is unlocked.</source>
        <translation>{name} is unlocked.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/staff_dialog.py" line="338"/>
        <source>Account {name} added.</source>
        <translation>Account {name} added.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/staff_dialog.py" line="347"/>
        <source>{name} has a new password.</source>
        <translation>{name} has a new password.</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/staff_dialog.py" line="362"/>
        <source>Staff accounts</source>
        <translation>Staff accounts</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/staff_dialog.py" line="365"/>
        <source>Login name</source>
        <translation>Login name</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/staff_dialog.py" line="366"/>
        <source>Full name</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/staff_dialog.py" line="367"/>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/staff_dialog.py" line="368"/>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/staff_dialog.py" line="369"/>
        <source>Managed by</source>
        <translation>Managed by</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/staff_dialog.py" line="373"/>
        <source>&amp;Add… (Ctrl+N)</source>
        <translation>&amp;Add… (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/staff_dialog.py" line="374"/>
        <source>&amp;Unlock (Ctrl+U)</source>
        <translation>&amp;Unlock (Ctrl+U)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/staff_dialog.py" line="375"/>
        <source>New &amp;password… (Ctrl+R)</source>
        <translation>New &amp;password… (Ctrl+R)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/staff_dialog.py" line="376"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>StatusDialog</name>
    <message>
        <location filename="../../src/counterdesk/gui/office/status_dialog.py" line="73"/>
        <source>Reading…</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/status_dialog.py" line="85"/>
        <source>TRAINING (practice data, never sent to the district)</source>
        <translation>TRAINING (practice data, never sent to the district)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/status_dialog.py" line="87"/>
        <source>Enrolled with the district</source>
        <translation>Enrolled with the district</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/status_dialog.py" line="93"/>
        <source>{count} change(s) not yet acknowledged by the district</source>
        <translation>{count} change(s) not yet acknowledged by the district</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/status_dialog.py" line="97"/>
        <source>Nothing waiting: the district has every change</source>
        <translation>Nothing waiting: the district has every change</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/status_dialog.py" line="100"/>
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/status_dialog.py" line="102"/>
        <source>{last} recorded, {acked} acknowledged by the district</source>
        <translation>{last} recorded, {acked} acknowledged by the district</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/status_dialog.py" line="116"/>
        <source>Desk status</source>
        <translation>Desk status</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/status_dialog.py" line="118"/>
        <source>Desk:</source>
        <translation>Desk:</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/status_dialog.py" line="119"/>
        <source>Office:</source>
        <translation>Office:</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/status_dialog.py" line="120"/>
        <source>Mode:</source>
        <translation>Mode:</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/status_dialog.py" line="121"/>
        <source>Requests:</source>
        <translation>Requests:</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/status_dialog.py" line="122"/>
        <source>Not yet sent:</source>
        <translation>Not yet sent:</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/status_dialog.py" line="123"/>
        <source>Oldest unsent change:</source>
        <translation>Oldest unsent change:</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/status_dialog.py" line="124"/>
        <source>Last contact with the hub:</source>
        <translation>Last contact with the hub:</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/status_dialog.py" line="125"/>
        <source>Changes:</source>
        <translation>Changes:</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/status_dialog.py" line="126"/>
        <source>Database file:</source>
        <translation>Database file:</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/status_dialog.py" line="130"/>
        <source>Refresh (F5)</source>
        <translation>Refresh (F5)</translation>
    </message>
    <message>
        <location filename="../../src/counterdesk/gui/office/status_dialog.py" line="131"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
</TS>
