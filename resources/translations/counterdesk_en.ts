<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en">
    <context>
        <name>FieldInput</name>
        <message>
            <source>— choose —</source>
            <translation>— choose —</translation>
        </message>
        <message>
            <source>DD-MM-YYYY</source>
            <translation>DD-MM-YYYY</translation>
        </message>
    </context>
    <context>
        <name>FirstRunWindow</name>
        <message>
            <source>Preparing…</source>
            <translation>Preparing…</translation>
        </message>
        <message>
            <source>Training desk</source>
            <translation>Training desk</translation>
        </message>
        <message>
            <source>Welcome — counterdesk</source>
            <translation>Welcome — counterdesk</translation>
        </message>
        <message>
            <source>Welcome to counterdesk</source>
            <translation>Welcome to counterdesk</translation>
        </message>
        <message>
            <source>This computer is not set up as a service desk yet.</source>
            <translation>This computer is not set up as a service desk yet.</translation>
        </message>
        <message>
            <source>A training desk has the full service catalogue and the account demo (password demo). Practise freely: nothing is sent to the district.</source>
            <translation>A training desk has the full service catalogue and the account demo (password demo). Practise freely: nothing is sent to the district.</translation>
        </message>
        <message>
            <source>A real desk joins the district with an enrollment file from the district office; ask your administrator.</source>
            <translation>A real desk joins the district with an enrollment file from the district office; ask your administrator.</translation>
        </message>
        <message>
            <source>Data folder: {path}</source>
            <translation>Data folder: {path}</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>Quit</translation>
        </message>
    </context>
    <context>
        <name>IdentityInput</name>
        <message>
            <source>16 digits from the KTP-el.</source>
            <translation>16 digits from the KTP-el.</translation>
        </message>
        <message numerus="yes">
            <source>%n of 16 digits.</source>
            <translation>
                <numerusform>%n of 16 digits.</numerusform>
                <numerusform>%n of 16 digits.</numerusform>
            </translation>
        </message>
        <message>
            <source>{region} — born {date}, {sex}</source>
            <translation>{region} — born {date}, {sex}</translation>
        </message>
        <message>
            <source>&amp;Passport (foreign citizen)</source>
            <translation>&amp;Passport (foreign citizen)</translation>
        </message>
        <message>
            <source>Passport (foreign citizen)</source>
            <translation>Passport (foreign citizen)</translation>
        </message>
        <message>
            <source>NIK: 16 digits</source>
            <translation>NIK: 16 digits</translation>
        </message>
        <message>
            <source>NIK</source>
            <translation>NIK</translation>
        </message>
        <message>
            <source>Passport number</source>
            <translation>Passport number</translation>
        </message>
        <message>
            <source>Nationality</source>
            <translation>Nationality</translation>
        </message>
        <message>
            <source>2-letter country code, e.g. MY for Malaysia</source>
            <translation>2-letter country code, e.g. MY for Malaysia</translation>
        </message>
    </context>
    <context>
        <name>LoginDialog</name>
        <message>
            <source>Type your staff name.</source>
            <translation>Type your staff name.</translation>
        </message>
        <message>
            <source>Checking…</source>
            <translation>Checking…</translation>
        </message>
        <message>
            <source>Log in</source>
            <translation>Log in</translation>
        </message>
        <message>
            <source>Only {name} can unlock this session.</source>
            <translation>Only {name} can unlock this session.</translation>
        </message>
        <message>
            <source> — TRAINING</source>
            <translation> — TRAINING</translation>
        </message>
        <message>
            <source>Session locked</source>
            <translation>Session locked</translation>
        </message>
        <message>
            <source>Log in — counterdesk</source>
            <translation>Log in — counterdesk</translation>
        </message>
        <message>
            <source>This session is locked. {name}, type your password to continue.</source>
            <translation>This session is locked. {name}, type your password to continue.</translation>
        </message>
        <message>
            <source>Training desk: practise freely, nothing is sent to the district. Log in as {name} with password {password}.</source>
            <translation>Training desk: practise freely, nothing is sent to the district. Log in as {name} with password {password}.</translation>
        </message>
        <message>
            <source>Staff name</source>
            <translation>Staff name</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>Password</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>Quit</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>This desk's database was copied from another computer.</source>
            <translation>This desk's database was copied from another computer.</translation>
        </message>
        <message>
            <source>This desk's database was restored from a backup.</source>
            <translation>This desk's database was restored from a backup.</translation>
        </message>
        <message>
            <source>Receipt numbers continue in a new series, so none is used twice.</source>
            <translation>Receipt numbers continue in a new series, so none is used twice.</translation>
        </message>
        <message>
            <source>TRAINING</source>
            <translation>TRAINING</translation>
        </message>
        <message>
            <source>TRAINING DESK — practice data, never sent to the district</source>
            <translation>TRAINING DESK — practice data, never sent to the district</translation>
        </message>
        <message>
            <source>Registration (F2)</source>
            <translation>Registration (F2)</translation>
        </message>
        <message>
            <source>Requests (F3)</source>
            <translation>Requests (F3)</translation>
        </message>
        <message>
            <source>Session locked</source>
            <translation>Session locked</translation>
        </message>
        <message>
            <source>Staff: {name} ({role})</source>
            <translation>Staff: {name} ({role})</translation>
        </message>
        <message>
            <source>&amp;Desk</source>
            <translation>&amp;Desk</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>&amp;Language</translation>
        </message>
        <message>
            <source>New registration</source>
            <translation>New registration</translation>
        </message>
        <message>
            <source>Search requests</source>
            <translation>Search requests</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>Refresh</translation>
        </message>
        <message>
            <source>Lock session</source>
            <translation>Lock session</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>Quit</translation>
        </message>
        <message>
            <source>Settings saved.</source>
            <translation>Settings saved.</translation>
        </message>
        <message>
            <source>&amp;Queue</source>
            <translation>&amp;Queue</translation>
        </message>
        <message>
            <source>&amp;Sync</source>
            <translation>&amp;Sync</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;View</translation>
        </message>
        <message>
            <source>Print receipt</source>
            <translation>Print receipt</translation>
        </message>
        <message>
            <source>Print receipt (F7)</source>
            <translation>Print receipt (F7)</translation>
        </message>
        <message>
            <source>Print ticket</source>
            <translation>Print ticket</translation>
        </message>
        <message>
            <source>Print ticket (F8)</source>
            <translation>Print ticket (F8)</translation>
        </message>
        <message>
            <source>Print letter or referral slip</source>
            <translation>Print letter or referral slip</translation>
        </message>
        <message>
            <source>Of the registration just made, or of the request shown in Requests</source>
            <translation>Of the registration just made, or of the request shown in Requests</translation>
        </message>
        <message>
            <source>Call next</source>
            <translation>Call next</translation>
        </message>
        <message>
            <source>Call next (F9)</source>
            <translation>Call next (F9)</translation>
        </message>
        <message>
            <source>Call the oldest waiting ticket of today to this counter (F9)</source>
            <translation>Call the oldest waiting ticket of today to this counter (F9)</translation>
        </message>
        <message>
            <source>Call the shown ticket again</source>
            <translation>Call the shown ticket again</translation>
        </message>
        <message>
            <source>Settings…</source>
            <translation>Settings…</translation>
        </message>
        <message>
            <source>Printers, the desk, letters</source>
            <translation>Printers, the desk, letters</translation>
        </message>
        <message>
            <source>Only an administrator can change the desk settings.</source>
            <translation>Only an administrator can change the desk settings.</translation>
        </message>
        <message>
            <source>Queue screen</source>
            <translation>Queue screen</translation>
        </message>
        <message>
            <source>The waiting-room screen: called tickets, large (F11 full screen)</source>
            <translation>The waiting-room screen: called tickets, large (F11 full screen)</translation>
        </message>
        <message>
            <source>Log out (change staff)</source>
            <translation>Log out (change staff)</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Help</translation>
        </message>
        <message>
            <source>Keyboard shortcuts</source>
            <translation>Keyboard shortcuts</translation>
        </message>
    </context>
    <context>
        <name>Messages</name>
        <message>
            <source>NIK is empty; type the 16 digits from the KTP-el.</source>
            <translation>NIK is empty; type the 16 digits from the KTP-el.</translation>
        </message>
        <message>
            <source>NIK must contain only digits.</source>
            <translation>NIK must contain only digits.</translation>
        </message>
        <message>
            <source>NIK must have 16 digits; this one has {length}.</source>
            <translation>NIK must have 16 digits; this one has {length}.</translation>
        </message>
        <message>
            <source>NIK starts with {province}, which is not an Indonesian province code.</source>
            <translation>NIK starts with {province}, which is not an Indonesian province code.</translation>
        </message>
        <message>
            <source>NIK digits 9-10 give birth month {month:02d}, which does not exist.</source>
            <translation>NIK digits 9-10 give birth month {month:02d}, which does not exist.</translation>
        </message>
        <message>
            <source>NIK digits 7-8 give birth day {day:02d}, which is not a day of month {month:02d} (for women 40 is added to the day).</source>
            <translation>NIK digits 7-8 give birth day {day:02d}, which is not a day of month {month:02d} (for women 40 is added to the day).</translation>
        </message>
        <message>
            <source>NIK serial number (last 4 digits) cannot be 0000.</source>
            <translation>NIK serial number (last 4 digits) cannot be 0000.</translation>
        </message>
        <message>
            <source>NIK digits 5-6 (sub-district) cannot be 00.</source>
            <translation>NIK digits 5-6 (sub-district) cannot be 00.</translation>
        </message>
        <message>
            <source>NIK starts with {regency}, which is not a known regency.</source>
            <translation>NIK starts with {regency}, which is not a known regency.</translation>
        </message>
        <message>
            <source>Name is empty; type the name as on the ID card.</source>
            <translation>Name is empty; type the name as on the ID card.</translation>
        </message>
        <message>
            <source>Name is too long ({length} characters; at most 100).</source>
            <translation>Name is too long ({length} characters; at most 100).</translation>
        </message>
        <message>
            <source>A name may contain only letters, spaces and ' . , -</source>
            <translation>A name may contain only letters, spaces and ' . , -</translation>
        </message>
        <message>
            <source>Give either a NIK or a passport number with nationality, not both.</source>
            <translation>Give either a NIK or a passport number with nationality, not both.</translation>
        </message>
        <message>
            <source>An identity is required: a NIK, or a passport number with nationality.</source>
            <translation>An identity is required: a NIK, or a passport number with nationality.</translation>
        </message>
        <message>
            <source>Passport number is missing.</source>
            <translation>Passport number is missing.</translation>
        </message>
        <message>
            <source>A passport number has 5-20 letters and digits.</source>
            <translation>A passport number has 5-20 letters and digits.</translation>
        </message>
        <message>
            <source>Nationality is missing; type the 2-letter country code, e.g. MY.</source>
            <translation>Nationality is missing; type the 2-letter country code, e.g. MY.</translation>
        </message>
        <message>
            <source>This is not a country code; use 2 letters, e.g. MY.</source>
            <translation>This is not a country code; use 2 letters, e.g. MY.</translation>
        </message>
        <message>
            <source>Indonesian citizens are registered by NIK, not by passport.</source>
            <translation>Indonesian citizens are registered by NIK, not by passport.</translation>
        </message>
        <message>
            <source>Choose a service from the list.</source>
            <translation>Choose a service from the list.</translation>
        </message>
        <message>
            <source>This field is required.</source>
            <translation>This field is required.</translation>
        </message>
        <message>
            <source>This service has no such field.</source>
            <translation>This service has no such field.</translation>
        </message>
        <message>
            <source>Too long: at most 500 characters.</source>
            <translation>Too long: at most 500 characters.</translation>
        </message>
        <message>
            <source>Type a valid date as DD-MM-YYYY.</source>
            <translation>Type a valid date as DD-MM-YYYY.</translation>
        </message>
        <message>
            <source>Type a whole number.</source>
            <translation>Type a whole number.</translation>
        </message>
        <message>
            <source>Choose one of the options.</source>
            <translation>Choose one of the options.</translation>
        </message>
        <message>
            <source>This service has no such requirement.</source>
            <translation>This service has no such requirement.</translation>
        </message>
        <message>
            <source>No request with this receipt number at this desk.</source>
            <translation>No request with this receipt number at this desk.</translation>
        </message>
        <message>
            <source>This is not a receipt number.</source>
            <translation>This is not a receipt number.</translation>
        </message>
        <message>
            <source>This receipt number has a typing error (check character wrong).</source>
            <translation>This receipt number has a typing error (check character wrong).</translation>
        </message>
        <message>
            <source>Unknown status.</source>
            <translation>Unknown status.</translation>
        </message>
        <message>
            <source>This status change is not allowed for this request (any more).</source>
            <translation>This status change is not allowed for this request (any more).</translation>
        </message>
        <message>
            <source>Your role does not allow this action.</source>
            <translation>Your role does not allow this action.</translation>
        </message>
        <message>
            <source>Wrong staff name or password.</source>
            <translation>Wrong staff name or password.</translation>
        </message>
        <message>
            <source>This account is locked after 5 wrong passwords. Try again in {minutes} minute(s), or ask an administrator to unlock it.</source>
            <translation>This account is locked after 5 wrong passwords. Try again in {minutes} minute(s), or ask an administrator to unlock it.</translation>
        </message>
        <message>
            <source>Type your staff name.</source>
            <translation>Type your staff name.</translation>
        </message>
        <message>
            <source>The password must have at least 4 characters.</source>
            <translation>The password must have at least 4 characters.</translation>
        </message>
        <message>
            <source>The database is being written by another counterdesk program. Wait a moment and try again (nothing was saved).</source>
            <translation>The database is being written by another counterdesk program. Wait a moment and try again (nothing was saved).</translation>
        </message>
        <message>
            <source>The disk is full. Free some space and try again (nothing was saved).</source>
            <translation>The disk is full. Free some space and try again (nothing was saved).</translation>
        </message>
        <message>
            <source>The database cannot be written (read-only). Ask the administrator to check the folder's permissions (nothing was saved).</source>
            <translation>The database cannot be written (read-only). Ask the administrator to check the folder's permissions (nothing was saved).</translation>
        </message>
        <message>
            <source>The data folder holds a file that is not a counterdesk database. It was left untouched; choose another data folder.</source>
            <translation>The data folder holds a file that is not a counterdesk database. It was left untouched; choose another data folder.</translation>
        </message>
        <message>
            <source>The database was written by a newer version of counterdesk. Install the newer version; the database was left untouched.</source>
            <translation>The database was written by a newer version of counterdesk. Install the newer version; the database was left untouched.</translation>
        </message>
        <message>
            <source>The database is damaged. It was left untouched; restore it from a backup.</source>
            <translation>The database is damaged. It was left untouched; restore it from a backup.</translation>
        </message>
        <message>
            <source>No desk database was found in the data folder.</source>
            <translation>No desk database was found in the data folder.</translation>
        </message>
        <message>
            <source>A real (enrolled) desk already exists in this folder.</source>
            <translation>A real (enrolled) desk already exists in this folder.</translation>
        </message>
        <message>
            <source>Something unexpected went wrong (nothing was saved). Details: {detail}</source>
            <translation>Something unexpected went wrong (nothing was saved). Details: {detail}</translation>
        </message>
        <message>
            <source>This desk has no setting called {key}.</source>
            <translation>This desk has no setting called {key}.</translation>
        </message>
        <message>
            <source>This value has the wrong kind for this setting.</source>
            <translation>This value has the wrong kind for this setting.</translation>
        </message>
        <message>
            <source>Choose one of the offered values: {choices}.</source>
            <translation>Choose one of the offered values: {choices}.</translation>
        </message>
        <message>
            <source>Too long: at most {max} characters.</source>
            <translation>Too long: at most {max} characters.</translation>
        </message>
        <message>
            <source>Give a number from {low} to {high}.</source>
            <translation>Give a number from {low} to {high}.</translation>
        </message>
        <message>
            <source>This letter number template cannot be used. It must contain {{number}} and {{unit}}, and may use only {{classification}}, {{number}}, {{unit}}, {{month_roman}}, {{month}} and {{year}}.</source>
            <translation>This letter number template cannot be used. It must contain {{number}} and {{unit}}, and may use only {{classification}}, {{number}}, {{unit}}, {{month_roman}}, {{month}} and {{year}}.</translation>
        </message>
        <message>
            <source>This service does not produce a letter or a referral slip.</source>
            <translation>This service does not produce a letter or a referral slip.</translation>
        </message>
        <message>
            <source>This service does not refer to another agency.</source>
            <translation>This service does not refer to another agency.</translation>
        </message>
        <message>
            <source>This service produces another kind of document.</source>
            <translation>This service produces another kind of document.</translation>
        </message>
        <message>
            <source>The request was rejected or cancelled; no letter can be issued for it.</source>
            <translation>The request was rejected or cancelled; no letter can be issued for it.</translation>
        </message>
        <message>
            <source>The letter has not been issued yet; a staff member must print it first.</source>
            <translation>The letter has not been issued yet; a staff member must print it first.</translation>
        </message>
        <message>
            <source>This request is finished; its ticket cannot be called.</source>
            <translation>This request is finished; its ticket cannot be called.</translation>
        </message>
        <message>
            <source>A training desk does not exchange data with the district.</source>
            <translation>A training desk does not exchange data with the district.</translation>
        </message>
        <message>
            <source>This desk has not joined a district yet. Ask the administrator to enroll it with the file from the district office.</source>
            <translation>This desk has not joined a district yet. Ask the administrator to enroll it with the file from the district office.</translation>
        </message>
        <message>
            <source>The folder cannot be used. Check that the USB stick is plugged in and not write-protected.</source>
            <translation>The folder cannot be used. Check that the USB stick is plugged in and not write-protected.</translation>
        </message>
        <message>
            <source>Writing to the USB stick failed (is it full?). Files written before this one are complete; free some space and run the exchange again.</source>
            <translation>Writing to the USB stick failed (is it full?). Files written before this one are complete; free some space and run the exchange again.</translation>
        </message>
        <message>
            <source>This is not a hub address. Type one like http://10.61.7.1:8750</source>
            <translation>This is not a hub address. Type one like http://10.61.7.1:8750</translation>
        </message>
        <message>
            <source>The address of the district hub is not known yet.</source>
            <translation>The address of the district hub is not known yet.</translation>
        </message>
        <message>
            <source>The district hub cannot be reached now. Nothing is lost; the desk tries again later.</source>
            <translation>The district hub cannot be reached now. Nothing is lost; the desk tries again later.</translation>
        </message>
        <message>
            <source>The district hub refused the exchange: {detail}</source>
            <translation>The district hub refused the exchange: {detail}</translation>
        </message>
        <message>
            <source>The answer did not come from a counterdesk hub. Check the hub address. ({detail})</source>
            <translation>The answer did not come from a counterdesk hub. Check the hub address. ({detail})</translation>
        </message>
        <message>
            <source>The district hub's reply could not be used; call the district office. ({detail})</source>
            <translation>The district hub's reply could not be used; call the district office. ({detail})</translation>
        </message>
        <message>
            <source>The exchange with the district was stopped.</source>
            <translation>The exchange with the district was stopped.</translation>
        </message>
    </context>
    <context>
        <name>OutboxStatus</name>
        <message>
            <source>TRAINING</source>
            <translation>TRAINING</translation>
        </message>
        <message>
            <source>Training desk: practice data, never sent to the district.</source>
            <translation>Training desk: practice data, never sent to the district.</translation>
        </message>
        <message numerus="yes">
            <source>Not yet sent to the district: %n</source>
            <translation>
                <numerusform>Not yet sent to the district: %n</numerusform>
                <numerusform>Not yet sent to the district: %n</numerusform>
            </translation>
        </message>
        <message>
            <source>(oldest: {age})</source>
            <translation>(oldest: {age})</translation>
        </message>
        <message>
            <source>never</source>
            <translation>never</translation>
        </message>
        <message>
            <source>Last district contact: {when}</source>
            <translation>Last district contact: {when}</translation>
        </message>
    </context>
    <context>
        <name>PrintPreviewDialog</name>
        <message>
            <source>Queue ticket</source>
            <translation>Queue ticket</translation>
        </message>
        <message>
            <source>Receipt</source>
            <translation>Receipt</translation>
        </message>
        <message>
            <source>Letter</source>
            <translation>Letter</translation>
        </message>
        <message>
            <source>Referral slip</source>
            <translation>Referral slip</translation>
        </message>
        <message>
            <source>Print preview: {document}</source>
            <translation>Print preview: {document}</translation>
        </message>
        <message>
            <source>&amp;Printer:</source>
            <translation>&amp;Printer:</translation>
        </message>
        <message numerus="yes">
            <source>%n page(s)</source>
            <translation>
                <numerusform>%n page</numerusform>
                <numerusform>%n pages</numerusform>
            </translation>
        </message>
        <message>
            <source>Print</source>
            <translation>Print</translation>
        </message>
        <message>
            <source>Print on the chosen printer (Ctrl+P)</source>
            <translation>Print on the chosen printer (Ctrl+P)</translation>
        </message>
        <message>
            <source>Save as PDF…</source>
            <translation>Save as PDF…</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>No printer found</source>
            <translation>No printer found</translation>
        </message>
        <message>
            <source>{name} (default)</source>
            <translation>{name} (default)</translation>
        </message>
        <message>
            <source>No printer is installed on this computer. You can save the PDF instead.</source>
            <translation>No printer is installed on this computer. You can save the PDF instead.</translation>
        </message>
        <message>
            <source>Printing on {printer}…</source>
            <translation>Printing on {printer}…</translation>
        </message>
        <message>
            <source>Sent to {printer}.</source>
            <translation>Sent to {printer}.</translation>
        </message>
        <message>
            <source>Printed, but the printer choice could not be saved: {reason}</source>
            <translation>Printed, but the printer choice could not be saved: {reason}</translation>
        </message>
        <message>
            <source>Save as PDF</source>
            <translation>Save as PDF</translation>
        </message>
        <message>
            <source>PDF documents (*.pdf)</source>
            <translation>PDF documents (*.pdf)</translation>
        </message>
        <message>
            <source>Saved to {path}.</source>
            <translation>Saved to {path}.</translation>
        </message>
        <message>
            <source>Please wait until the document has been sent to the printer.</source>
            <translation>Please wait until the document has been sent to the printer.</translation>
        </message>
    </context>
    <context>
        <name>PrinterSettings</name>
        <message>
            <source>&amp;Receipt and ticket printer:</source>
            <translation>&amp;Receipt and ticket printer:</translation>
        </message>
        <message>
            <source>Paper &amp;roll width:</source>
            <translation>Paper &amp;roll width:</translation>
        </message>
        <message>
            <source>&amp;Letter printer:</source>
            <translation>&amp;Letter printer:</translation>
        </message>
        <message>
            <source>Letter &amp;paper:</source>
            <translation>Letter &amp;paper:</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>Default printer of this computer</source>
            <translation>Default printer of this computer</translation>
        </message>
        <message>
            <source>{width} mm</source>
            <translation>{width} mm</translation>
        </message>
        <message>
            <source>A4 (210 x 297 mm)</source>
            <translation>A4 (210 x 297 mm)</translation>
        </message>
        <message>
            <source>F4 (215 x 330 mm)</source>
            <translation>F4 (215 x 330 mm)</translation>
        </message>
        <message>
            <source>Only an administrator can change these settings.</source>
            <translation>Only an administrator can change these settings.</translation>
        </message>
        <message>
            <source>Saved.</source>
            <translation>Saved.</translation>
        </message>
    </context>
    <context>
        <name>ReasonDialog</name>
        <message>
            <source>Reason</source>
            <translation>Reason</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>Back</translation>
        </message>
    </context>
    <context>
        <name>RegisterForm</name>
        <message>
            <source>Saving…</source>
            <translation>Saving…</translation>
        </message>
        <message>
            <source>Register (Ctrl+Enter)</source>
            <translation>Register (Ctrl+Enter)</translation>
        </message>
        <message>
            <source>Service</source>
            <translation>Service</translation>
        </message>
        <message>
            <source>Citizen</source>
            <translation>Citizen</translation>
        </message>
        <message>
            <source>Details for this service (* required)</source>
            <translation>Details for this service (* required)</translation>
        </message>
        <message>
            <source>Identity</source>
            <translation>Identity</translation>
        </message>
        <message>
            <source>Full name *</source>
            <translation>Full name *</translation>
        </message>
        <message>
            <source>As written on the ID card</source>
            <translation>As written on the ID card</translation>
        </message>
        <message>
            <source>Full name</source>
            <translation>Full name</translation>
        </message>
        <message>
            <source>Register</source>
            <translation>Register</translation>
        </message>
    </context>
    <context>
        <name>RegisterResult</name>
        <message>
            <source>Ticket {ticket}</source>
            <translation>Ticket {ticket}</translation>
        </message>
        <message>
            <source>Receipt no. {receipt}</source>
            <translation>Receipt no. {receipt}</translation>
        </message>
        <message>
            <source>Ready by: {date}</source>
            <translation>Ready by: {date}</translation>
        </message>
        <message>
            <source>Print receipt (F7)</source>
            <translation>Print receipt (F7)</translation>
        </message>
        <message>
            <source>Print ticket (F8)</source>
            <translation>Print ticket (F8)</translation>
        </message>
    </context>
    <context>
        <name>RequestDetail</name>
        <message>
            <source>overdue</source>
            <translation>overdue</translation>
        </message>
        <message>
            <source>Service</source>
            <translation>Service</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Identity</source>
            <translation>Identity</translation>
        </message>
        <message>
            <source>Registered</source>
            <translation>Registered</translation>
        </message>
        <message>
            <source>Ready by</source>
            <translation>Ready by</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>Documents handed in</source>
            <translation>Documents handed in</translation>
        </message>
        <message>
            <source>{old} → {new}</source>
            <translation>{old} → {new}</translation>
        </message>
        <message>
            <source>Reject request</source>
            <translation>Reject request</translation>
        </message>
        <message>
            <source>Why is the request rejected? The citizen is told this reason.</source>
            <translation>Why is the request rejected? The citizen is told this reason.</translation>
        </message>
        <message>
            <source>Reject</source>
            <translation>Reject</translation>
        </message>
        <message>
            <source>Cancel request</source>
            <translation>Cancel request</translation>
        </message>
        <message>
            <source>Why is the request cancelled?</source>
            <translation>Why is the request cancelled?</translation>
        </message>
        <message>
            <source>Cancel the request</source>
            <translation>Cancel the request</translation>
        </message>
        <message>
            <source>Choose a request in the list to see it here.</source>
            <translation>Choose a request in the list to see it here.</translation>
        </message>
        <message>
            <source>History</source>
            <translation>History</translation>
        </message>
        <message>
            <source>Start</source>
            <translation>Start</translation>
        </message>
        <message>
            <source>Ready for collection</source>
            <translation>Ready for collection</translation>
        </message>
        <message>
            <source>Handed over</source>
            <translation>Handed over</translation>
        </message>
        <message>
            <source>Refer</source>
            <translation>Refer</translation>
        </message>
        <message>
            <source>Reject…</source>
            <translation>Reject…</translation>
        </message>
        <message>
            <source>Cancel request…</source>
            <translation>Cancel request…</translation>
        </message>
        <message>
            <source>Supervisors and administrators only</source>
            <translation>Supervisors and administrators only</translation>
        </message>
        <message>
            <source>Ticket called</source>
            <translation>Ticket called</translation>
        </message>
        <message>
            <source>Letter issued</source>
            <translation>Letter issued</translation>
        </message>
        <message>
            <source>Print referral slip (F6)</source>
            <translation>Print referral slip (F6)</translation>
        </message>
        <message>
            <source>Print letter (F6)</source>
            <translation>Print letter (F6)</translation>
        </message>
        <message>
            <source>Print receipt (F7)</source>
            <translation>Print receipt (F7)</translation>
        </message>
        <message>
            <source>Print ticket (F8)</source>
            <translation>Print ticket (F8)</translation>
        </message>
        <message>
            <source>Call again (Shift+F9)</source>
            <translation>Call again (Shift+F9)</translation>
        </message>
        <message>
            <source>Call this ticket again: the citizen did not come forward, or is served now</source>
            <translation>Call this ticket again: the citizen did not come forward, or is served now</translation>
        </message>
    </context>
    <context>
        <name>RequestTableModel</name>
        <message>
            <source>Ticket</source>
            <translation>Ticket</translation>
        </message>
        <message>
            <source>Receipt no.</source>
            <translation>Receipt no.</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Identity</source>
            <translation>Identity</translation>
        </message>
        <message>
            <source>Service</source>
            <translation>Service</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Registered</source>
            <translation>Registered</translation>
        </message>
        <message>
            <source>Due</source>
            <translation>Due</translation>
        </message>
        <message>
            <source>Overdue</source>
            <translation>Overdue</translation>
        </message>
    </context>
    <context>
        <name>RequestsView</name>
        <message>
            <source>Today's queue</source>
            <translation>Today's queue</translation>
        </message>
        <message>
            <source>All days</source>
            <translation>All days</translation>
        </message>
        <message>
            <source>Every status</source>
            <translation>Every status</translation>
        </message>
        <message>
            <source>Every service</source>
            <translation>Every service</translation>
        </message>
        <message numerus="yes">
            <source>%n request(s)</source>
            <translation>
                <numerusform>%n request</numerusform>
                <numerusform>%n requests</numerusform>
            </translation>
        </message>
        <message>
            <source>Search: name, NIK, passport, receipt (F3)</source>
            <translation>Search: name, NIK, passport, receipt (F3)</translation>
        </message>
        <message>
            <source>Type to search. Scan or type a receipt number and press Enter to open it.</source>
            <translation>Type to search. Scan or type a receipt number and press Enter to open it.</translation>
        </message>
        <message>
            <source>Search requests</source>
            <translation>Search requests</translation>
        </message>
        <message>
            <source>Status filter</source>
            <translation>Status filter</translation>
        </message>
        <message>
            <source>Service filter</source>
            <translation>Service filter</translation>
        </message>
        <message>
            <source>Today or all days</source>
            <translation>Today or all days</translation>
        </message>
        <message>
            <source>Requests</source>
            <translation>Requests</translation>
        </message>
        <message numerus="yes">
            <source>Waiting: %n</source>
            <translation>
                <numerusform>Waiting: %n</numerusform>
                <numerusform>Waiting: %n</numerusform>
            </translation>
        </message>
        <message>
            <source>Call next (F9)</source>
            <translation>Call next (F9)</translation>
        </message>
        <message>
            <source>Call the oldest waiting ticket of today to this counter</source>
            <translation>Call the oldest waiting ticket of today to this counter</translation>
        </message>
        <message numerus="yes">
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
            <source>%n required document(s) not yet ticked.</source>
            <translation>
                <numerusform>%n required document not yet ticked.</numerusform>
                <numerusform>%n required documents not yet ticked.</numerusform>
            </translation>
        </message>
        <message>
            <source>Requirements (tick what the citizen handed in)</source>
            <translation>Requirements (tick what the citizen handed in)</translation>
        </message>
        <message>
            <source>No service chosen</source>
            <translation>No service chosen</translation>
        </message>
        <message>
            <source>Type the service code or part of its name, then press Enter.</source>
            <translation>Type the service code or part of its name, then press Enter.</translation>
        </message>
        <message>
            <source>Completion time</source>
            <translation>Completion time</translation>
        </message>
        <message>
            <source>Fee</source>
            <translation>Fee</translation>
        </message>
        <message>
            <source>Product</source>
            <translation>Product</translation>
        </message>
        <message>
            <source>Referred to</source>
            <translation>Referred to</translation>
        </message>
        <message>
            <source>(required)</source>
            <translation>(required)</translation>
        </message>
        <message>
            <source>Referral slip to another agency</source>
            <translation>Referral slip to another agency</translation>
        </message>
        <message>
            <source>Service at the counter</source>
            <translation>Service at the counter</translation>
        </message>
    </context>
    <context>
        <name>ServicePicker</name>
        <message>
            <source>Type a service code or name</source>
            <translation>Type a service code or name</translation>
        </message>
        <message>
            <source>Service</source>
            <translation>Service</translation>
        </message>
    </context>
    <context>
        <name>ShortcutsDialog</name>
        <message>
            <source>Everywhere in the main window</source>
            <translation>Everywhere in the main window</translation>
        </message>
        <message>
            <source>Registration form</source>
            <translation>Registration form</translation>
        </message>
        <message>
            <source>Take the service typed, move to the next input</source>
            <translation>Take the service typed, move to the next input</translation>
        </message>
        <message>
            <source>Tick the document the citizen handed in</source>
            <translation>Tick the document the citizen handed in</translation>
        </message>
        <message>
            <source>Next input (Shift+Tab: the one before)</source>
            <translation>Next input (Shift+Tab: the one before)</translation>
        </message>
        <message>
            <source>Register (from any input)</source>
            <translation>Register (from any input)</translation>
        </message>
        <message>
            <source>Passport (foreign citizen) instead of a NIK</source>
            <translation>Passport (foreign citizen) instead of a NIK</translation>
        </message>
        <message>
            <source>Requests list</source>
            <translation>Requests list</translation>
        </message>
        <message>
            <source>In the search box: open the receipt number</source>
            <translation>In the search box: open the receipt number</translation>
        </message>
        <message>
            <source>Clear the search</source>
            <translation>Clear the search</translation>
        </message>
        <message>
            <source>Choose a request</source>
            <translation>Choose a request</translation>
        </message>
        <message>
            <source>Print preview</source>
            <translation>Print preview</translation>
        </message>
        <message>
            <source>Print</source>
            <translation>Print</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>Queue screen</source>
            <translation>Queue screen</translation>
        </message>
        <message>
            <source>Full screen on or off</source>
            <translation>Full screen on or off</translation>
        </message>
        <message>
            <source>Leave full screen</source>
            <translation>Leave full screen</translation>
        </message>
        <message>
            <source>This list</source>
            <translation>This list</translation>
        </message>
        <message>
            <source>Keyboard shortcuts</source>
            <translation>Keyboard shortcuts</translation>
        </message>
        <message>
            <source>counterdesk can be used with the keyboard alone. Underlined letters in the menus open them with Alt.</source>
            <translation>counterdesk can be used with the keyboard alone. Underlined letters in the menus open them with Alt.</translation>
        </message>
        <message>
            <source>Key</source>
            <translation>Key</translation>
        </message>
        <message>
            <source>What it does</source>
            <translation>What it does</translation>
        </message>
    </context>
    <context>
        <name>Texts</name>
        <message>
            <source>Registered</source>
            <translation>Registered</translation>
        </message>
        <message>
            <source>In progress</source>
            <translation>In progress</translation>
        </message>
        <message>
            <source>Ready for collection</source>
            <translation>Ready for collection</translation>
        </message>
        <message>
            <source>Collected</source>
            <translation>Collected</translation>
        </message>
        <message>
            <source>Referred</source>
            <translation>Referred</translation>
        </message>
        <message>
            <source>Rejected</source>
            <translation>Rejected</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>Cancelled</translation>
        </message>
        <message>
            <source>female</source>
            <translation>female</translation>
        </message>
        <message>
            <source>male</source>
            <translation>male</translation>
        </message>
        <message>
            <source>counter staff</source>
            <translation>counter staff</translation>
        </message>
        <message>
            <source>supervisor</source>
            <translation>supervisor</translation>
        </message>
        <message>
            <source>administrator</source>
            <translation>administrator</translation>
        </message>
        <message>
            <source>Free of charge</source>
            <translation>Free of charge</translation>
        </message>
        <message>
            <source>same day</source>
            <translation>same day</translation>
        </message>
        <message numerus="yes">
            <source>%n working day(s)</source>
            <translation>
                <numerusform>%n working day</numerusform>
                <numerusform>%n working days</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n minute(s)</source>
            <translation>
                <numerusform>%n minute</numerusform>
                <numerusform>%n minutes</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n hour(s)</source>
            <translation>
                <numerusform>%n hour</numerusform>
                <numerusform>%n hours</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n day(s)</source>
            <translation>
                <numerusform>%n day</numerusform>
                <numerusform>%n days</numerusform>
            </translation>
        </message>
        <message>
            <source>Passport {number}</source>
            <translation>Passport {number}</translation>
        </message>
    </context>
    <context>
        <name>PrintOutput</name>
        <message>
            <source>The document cannot be read. Make it again.</source>
            <translation>The document cannot be read. Make it again.</translation>
        </message>
        <message>
            <source>The document is {width} mm wide but the roll is {roll} mm. Make the document again for this roll.</source>
            <translation>The document is {width} mm wide but the roll is {roll} mm. Make the document again for this roll.</translation>
        </message>
        <message>
            <source>Page {page} could not be prepared for printing.</source>
            <translation>Page {page} could not be prepared for printing.</translation>
        </message>
        <message>
            <source>No printer is installed on this computer.</source>
            <translation>No printer is installed on this computer.</translation>
        </message>
        <message>
            <source>The printer {printer} cannot start printing. Check that it is on and connected.</source>
            <translation>The printer {printer} cannot start printing. Check that it is on and connected.</translation>
        </message>
        <message>
            <source>The printer {printer} refused page {page}.</source>
            <translation>The printer {printer} refused page {page}.</translation>
        </message>
        <message>
            <source>The printer {printer} reported an error. Check that it is on, has paper and is connected, then print again.</source>
            <translation>The printer {printer} reported an error. Check that it is on, has paper and is connected, then print again.</translation>
        </message>
        <message>
            <source>The PDF could not be saved: {reason}</source>
            <translation>The PDF could not be saved: {reason}</translation>
        </message>
    </context>
    <context>
        <name>CallBanner</name>
        <message>
            <source>Nobody is waiting.</source>
            <translation>Nobody is waiting.</translation>
        </message>
        <message>
            <source>Every ticket of today has been called.</source>
            <translation>Every ticket of today has been called.</translation>
        </message>
        <message>
            <source>Called ticket {ticket}</source>
            <translation>Called ticket {ticket}</translation>
        </message>
        <message>
            <source>Called to {counter}</source>
            <translation>Called to {counter}</translation>
        </message>
    </context>
    <context>
        <name>DocumentPrinting</name>
        <message>
            <source>Queue ticket</source>
            <translation>Queue ticket</translation>
        </message>
        <message>
            <source>Receipt</source>
            <translation>Receipt</translation>
        </message>
        <message>
            <source>Letter</source>
            <translation>Letter</translation>
        </message>
        <message>
            <source>Referral slip</source>
            <translation>Referral slip</translation>
        </message>
        <message>
            <source>Preparing {document} {receipt}…</source>
            <translation>Preparing {document} {receipt}…</translation>
        </message>
        <message>
            <source>Printing {document} {receipt} on {printer}…</source>
            <translation>Printing {document} {receipt} on {printer}…</translation>
        </message>
        <message>
            <source>{document} {receipt} sent to {printer}.</source>
            <translation>{document} {receipt} sent to {printer}.</translation>
        </message>
        <message>
            <source>{document} {receipt} was not printed.</source>
            <translation>{document} {receipt} was not printed.</translation>
        </message>
        <message>
            <source>{document} {receipt} could not be made.</source>
            <translation>{document} {receipt} could not be made.</translation>
        </message>
        <message>
            <source>Printing</source>
            <translation>Printing</translation>
        </message>
    </context>
    <context>
        <name>HubUrlDialog</name>
        <message>
            <source>District hub address</source>
            <translation>District hub address</translation>
        </message>
        <message>
            <source>Type the address of the district hub, as the district office gave it, e.g. {example}. It is remembered after the first exchange.</source>
            <translation>Type the address of the district hub, as the district office gave it, e.g. {example}. It is remembered after the first exchange.</translation>
        </message>
        <message>
            <source>Exchange now</source>
            <translation>Exchange now</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>QueueDisplay</name>
        <message>
            <source>The queue cannot be read at the moment.</source>
            <translation>The queue cannot be read at the moment.</translation>
        </message>
        <message>
            <source>No ticket called yet</source>
            <translation>No ticket called yet</translation>
        </message>
        <message>
            <source>please go to {counter}</source>
            <translation>please go to {counter}</translation>
        </message>
        <message numerus="yes">
            <source>Waiting: %n</source>
            <translation>
                <numerusform>Waiting: %n</numerusform>
                <numerusform>Waiting: %n</numerusform>
            </translation>
        </message>
        <message>
            <source>Queue — {post}</source>
            <translation>Queue — {post}</translation>
        </message>
        <message>
            <source>TRAINING</source>
            <translation>TRAINING</translation>
        </message>
        <message>
            <source>Now serving ticket</source>
            <translation>Now serving ticket</translation>
        </message>
        <message>
            <source>Called before</source>
            <translation>Called before</translation>
        </message>
        <message>
            <source>F11: full screen · Esc: leave full screen</source>
            <translation>F11: full screen · Esc: leave full screen</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <source>Example: {number}</source>
            <translation>Example: {number}</translation>
        </message>
        <message>
            <source>Saving…</source>
            <translation>Saving…</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>Desk settings</source>
            <translation>Desk settings</translation>
        </message>
        <message>
            <source>Printers</source>
            <translation>Printers</translation>
        </message>
        <message>
            <source>Desk</source>
            <translation>Desk</translation>
        </message>
        <message>
            <source>Letters</source>
            <translation>Letters</translation>
        </message>
        <message>
            <source>Desk &amp;language:</source>
            <translation>Desk &amp;language:</translation>
        </message>
        <message>
            <source>Lock after (&amp;minutes idle):</source>
            <translation>Lock after (&amp;minutes idle):</translation>
        </message>
        <message>
            <source>Counter &amp;name on this PC:</source>
            <translation>Counter &amp;name on this PC:</translation>
        </message>
        <message>
            <source>Letterhead: &amp;government:</source>
            <translation>Letterhead: &amp;government:</translation>
        </message>
        <message>
            <source>Letterhead: &amp;office:</source>
            <translation>Letterhead: &amp;office:</translation>
        </message>
        <message>
            <source>Letterhead: &amp;address:</source>
            <translation>Letterhead: &amp;address:</translation>
        </message>
        <message>
            <source>&amp;Place of signing:</source>
            <translation>&amp;Place of signing:</translation>
        </message>
        <message>
            <source>&amp;Signer's name:</source>
            <translation>&amp;Signer's name:</translation>
        </message>
        <message>
            <source>Signer's &amp;title:</source>
            <translation>Signer's &amp;title:</translation>
        </message>
        <message>
            <source>Signer's &amp;NIP:</source>
            <translation>Signer's &amp;NIP:</translation>
        </message>
        <message>
            <source>Letter &amp;paper:</source>
            <translation>Letter &amp;paper:</translation>
        </message>
        <message>
            <source>Languages:</source>
            <translation>Languages:</translation>
        </message>
        <message>
            <source>Letter &amp;number template:</source>
            <translation>Letter &amp;number template:</translation>
        </message>
        <message>
            <source>Bilingual letters (Indonesian and English)</source>
            <translation>Bilingual letters (Indonesian and English)</translation>
        </message>
        <message>
            <source>The language the app starts in; each person can switch it in the menu.</source>
            <translation>The language the app starts in; each person can switch it in the menu.</translation>
        </message>
        <message>
            <source>Shown on the queue screen when a ticket is called, e.g. Loket 1.</source>
            <translation>Shown on the queue screen when a ticket is called, e.g. Loket 1.</translation>
        </message>
        <message>
            <source>A4 (210 x 297 mm)</source>
            <translation>A4 (210 x 297 mm)</translation>
        </message>
        <message>
            <source>F4 (215 x 330 mm)</source>
            <translation>F4 (215 x 330 mm)</translation>
        </message>
        <message>
            <source>Placeholders: {classification} code of the service, {number:04d} running number of the year, {unit} desk code, {month_roman} month in Roman numerals, {month}, {year}. {number} and {unit} are required.</source>
            <translation>Placeholders: {classification} code of the service, {number:04d} running number of the year, {unit} desk code, {month_roman} month in Roman numerals, {month}, {year}. {number} and {unit} are required.</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Only an administrator can change these settings.</source>
            <translation>Only an administrator can change these settings.</translation>
        </message>
        <message>
            <source>After registering:</source>
            <translation>After registering:</translation>
        </message>
        <message>
            <source>Print the receipt and the ticket at once</source>
            <translation>Print the receipt and the ticket at once</translation>
        </message>
    </context>
    <context>
        <name>SyncActions</name>
        <message numerus="yes">
            <source>Files from the district read: %n</source>
            <translation>
                <numerusform>Files from the district read: %n</numerusform>
                <numerusform>Files from the district read: %n</numerusform>
            </translation>
        </message>
        <message>
            <source>The district has acknowledged events up to no. {seq}.</source>
            <translation>The district has acknowledged events up to no. {seq}.</translation>
        </message>
        <message>
            <source>No new acknowledgement (acknowledged up to no. {seq}).</source>
            <translation>No new acknowledgement (acknowledged up to no. {seq}).</translation>
        </message>
        <message>
            <source>Service catalogue updated to version {version}; log in again to see it in the registration form.</source>
            <translation>Service catalogue updated to version {version}; log in again to see it in the registration form.</translation>
        </message>
        <message numerus="yes">
            <source>Files written to the stick: %n</source>
            <translation>
                <numerusform>Files written to the stick: %n</numerusform>
                <numerusform>Files written to the stick: %n</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>(%n event(s))</source>
            <translation>
                <numerusform>(%n event)</numerusform>
                <numerusform>(%n events)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Not yet acknowledged by the district: %n event(s)</source>
            <translation>
                <numerusform>Not yet acknowledged by the district: %n event</numerusform>
                <numerusform>Not yet acknowledged by the district: %n events</numerusform>
            </translation>
        </message>
        <message>
            <source>Not usable: {file} — {reason}</source>
            <translation>Not usable: {file} — {reason}</translation>
        </message>
        <message>
            <source>District hub: {url}</source>
            <translation>District hub: {url}</translation>
        </message>
        <message numerus="yes">
            <source>Sent: %n bundle(s)</source>
            <translation>
                <numerusform>Sent: %n bundle</numerusform>
                <numerusform>Sent: %n bundles</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>(%n new event(s))</source>
            <translation>
                <numerusform>(%n new event)</numerusform>
                <numerusform>(%n new events)</numerusform>
            </translation>
        </message>
        <message>
            <source>The service catalogue was updated; log in again to see it in the registration form.</source>
            <translation>The service catalogue was updated; log in again to see it in the registration form.</translation>
        </message>
        <message>
            <source>Acknowledged by the district up to no. {seq}.</source>
            <translation>Acknowledged by the district up to no. {seq}.</translation>
        </message>
        <message>
            <source>The USB stick's folder</source>
            <translation>The USB stick's folder</translation>
        </message>
        <message>
            <source>Exchanging data with the USB stick in {folder}…</source>
            <translation>Exchanging data with the USB stick in {folder}…</translation>
        </message>
        <message>
            <source>USB exchange done.</source>
            <translation>USB exchange done.</translation>
        </message>
        <message>
            <source>USB exchange done</source>
            <translation>USB exchange done</translation>
        </message>
        <message>
            <source>USB exchange: some files could not be used</source>
            <translation>USB exchange: some files could not be used</translation>
        </message>
        <message>
            <source>The USB exchange did not succeed</source>
            <translation>The USB exchange did not succeed</translation>
        </message>
        <message>
            <source>Exchanging data with the district hub {url}…</source>
            <translation>Exchanging data with the district hub {url}…</translation>
        </message>
        <message>
            <source>Synced with the district at {time}.</source>
            <translation>Synced with the district at {time}.</translation>
        </message>
        <message>
            <source>Exchange with the district done.</source>
            <translation>Exchange with the district done.</translation>
        </message>
        <message>
            <source>Exchange with the district done</source>
            <translation>Exchange with the district done</translation>
        </message>
        <message>
            <source>The exchange with the district did not succeed</source>
            <translation>The exchange with the district did not succeed</translation>
        </message>
        <message>
            <source>The district hub refused the exchange</source>
            <translation>The district hub refused the exchange</translation>
        </message>
        <message>
            <source>Automatic sync failed at {time}; it is tried again.</source>
            <translation>Automatic sync failed at {time}; it is tried again.</translation>
        </message>
        <message numerus="yes">
            <source>%n event(s) not acknowledged by the district for more than {hours} hours, although the hub answers. Call the district office.</source>
            <translation>
                <numerusform>%n event not acknowledged by the district for more than {hours} hours, although the hub answers. Call the district office.</numerusform>
                <numerusform>%n events not acknowledged by the district for more than {hours} hours, although the hub answers. Call the district office.</numerusform>
            </translation>
        </message>
        <message>
            <source>Exchange with the district</source>
            <translation>Exchange with the district</translation>
        </message>
        <message>
            <source>USB stick: exchange with the district</source>
            <translation>USB stick: exchange with the district</translation>
        </message>
        <message>
            <source>USB (Ctrl+U)</source>
            <translation>USB (Ctrl+U)</translation>
        </message>
        <message>
            <source>Sync now</source>
            <translation>Sync now</translation>
        </message>
        <message>
            <source>District hub address…</source>
            <translation>District hub address…</translation>
        </message>
        <message>
            <source>A training desk belongs to no district: nothing is exchanged with a hub.</source>
            <translation>A training desk belongs to no district: nothing is exchanged with a hub.</translation>
        </message>
        <message>
            <source>Read the district's replies from a USB stick and write the pending data to it (Ctrl+U)</source>
            <translation>Read the district's replies from a USB stick and write the pending data to it (Ctrl+U)</translation>
        </message>
        <message>
            <source>Exchange data with the district hub over the network now (Ctrl+Shift+S)</source>
            <translation>Exchange data with the district hub over the network now (Ctrl+Shift+S)</translation>
        </message>
        <message>
            <source>Change the address of the district hub</source>
            <translation>Change the address of the district hub</translation>
        </message>
        <message numerus="yes">
            <source>%n event(s) unacknowledged for over {hours} hours — call the district</source>
            <translation>
                <numerusform>%n event unacknowledged for over {hours} hours — call the district</numerusform>
                <numerusform>%n events unacknowledged for over {hours} hours — call the district</numerusform>
            </translation>
        </message>
    </context>
</TS>
