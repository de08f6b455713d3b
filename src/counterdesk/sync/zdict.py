"""The preset zlib dictionary of the bundle suite ``...zlib-cd1`` (format version 2).

zlib compresses the first occurrence of a word poorly; small payloads (an
acknowledgement, a hello, the first events of a bundle) are mostly first occurrences
of the same JSON keys every time. Starting the compressor with them saves about 250 bytes
per HTTP exchange.

NEVER EDIT a released dictionary: bundles on sticks name it through their suite. A better
one needs a new suite name and id in :mod:`counterdesk.sync.bundle`.
"""

from __future__ import annotations

from typing import Final

# zlib gives the end of the dictionary the shortest distances: the commonest strings last.
_WORDS: Final = (
    # reference data and staff accounts
    '{"format":1,"items":[{"data":{"accounts":[{"active":true,"full_name":"',
    '","nip":"","password_hash":"scrypt$16384$8$1$',
    '","role":"counter"}]},"kind":"staff","sha256":"',
    '{"settings":{"letter_number_template":"{classification}/{number:04d}/{unit}/'
    '{month_roman}/{year}","letter_place":"","letterhead_address":"","letterhead_government":'
    '"PEMERINTAH KABUPATEN ","letterhead_office":"KECAMATAN ","signer_name":"",'
    '"signer_nip":"","signer_title":"Camat "}}',
    '{"holidays":[{"date":"2026-12-25","name":"',
    '{"desks":[{"desk":"","key_id":"","revoked":false,"sign_public":"',
    '{"letters":[{"at":"","desk":"","number":"","reason":"',
    '"},"kind":"catalogue","sha256":"","version":',
    # hello
    '{"acked_seq":0,"catalogue_version":1,"desk":"","epoch":"","format":1,"last_seq":0,"nonce":"',
    # other events
    '","desk_created","system",null,{"code":"","district":"Kabupaten ","name":"Meja ",'
    '"post":"Kantor Camat ","settings":{},"training":false}]\n',
    '","catalogue_installed","system",null,{"services":12,"sha256":"","version":1}]\n',
    '","staff_created","system",null,{"by":"district","full_name":"","name":"","role":"admin"}]\n',
    '","staff_changed","system",null,{"active":true,"by":"district","changes":["password"],',
    '","epoch_started","system",null,{"previous":"","previous_last_seq_seen":0,"reason":"',
    '","letter_revoked","system","',
    '",{"kind":"letter","number":"","payload":"CD1|L|","receipt":"","signer":"","year":2026}]\n',
    '",{"counter":"Loket 1","receipt":"","ticket":""}]\n["',
    '","ticket_called","',
    '","letter_issued","',
    # status changes
    '",{"from":"in_progress","note":"","receipt":"","to":"ready"}]\n["',
    '",{"from":"registered","note":"","receipt":"","to":"in_progress"}]\n["',
    '","status_changed","',
    # registrations
    '"passport":null,"sex":"F"},"days":5,"due_date":"',
    '{"citizen":{"birth_date":"19',
    '","key":"nik:61',
    '","name":"',
    '","nationality":null,"nik":"61',
    '","passport":null,"sex":"M"},"days":1,"due_date":"2026-',
    '","fee":0,"fields":{"address":"Dusun ","household_members":"',
    '","occupation":"Petani","purpose":"',
    '"},"receipt":"',
    '","requirements":[],"service":"SKTM","ticket":"A-0',
    '","ticket_day":"2026-',
    '"}]\n["',
    '","request_registered","',
    # the acknowledgement
    '{"desk":"","desk_key":"","epochs":[{"contiguous":',
    ',"contiguous_hash":"',
    '","epoch":"',
    '","first_seq":1,"gaps":[],"max_seq":',
    '}],"format":1,"upload":{"known":0,"new":',
    ',"result":"accepted"}}',
    # the first line of an events payload
    '{"format":2,"hash":"',
    '","prev_hash":"',
    '","refdata":{"catalogue":1,"desk_keys":1,"holidays":1,"letterhead":1,'
    '"revoked_letters":1,"staff":1}}\n["',
    '+07:00","',
)

DICTIONARY: Final = "".join(_WORDS).encode("utf-8")
