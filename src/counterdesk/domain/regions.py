"""Region codes (Kemendagri) that NIKs start with.

The province names are national; the regency and sub-district names are those
of West Kalimantan, where counterdesk is used first. Codes outside this table
are still valid NIK regions when python-stdnum knows the province and regency.
"""

from __future__ import annotations

PROVINCES: dict[str, str] = {
    "11": "Aceh", "12": "Sumatera Utara", "13": "Sumatera Barat", "14": "Riau",
    "15": "Jambi", "16": "Sumatera Selatan", "17": "Bengkulu", "18": "Lampung",
    "19": "Kepulauan Bangka Belitung", "21": "Kepulauan Riau", "31": "DKI Jakarta",
    "32": "Jawa Barat", "33": "Jawa Tengah", "34": "DI Yogyakarta", "35": "Jawa Timur",
    "36": "Banten", "51": "Bali", "52": "Nusa Tenggara Barat", "53": "Nusa Tenggara Timur",
    "61": "Kalimantan Barat", "62": "Kalimantan Tengah", "63": "Kalimantan Selatan",
    "64": "Kalimantan Timur", "65": "Kalimantan Utara", "71": "Sulawesi Utara",
    "72": "Sulawesi Tengah", "73": "Sulawesi Selatan", "74": "Sulawesi Tenggara",
    "75": "Gorontalo", "76": "Sulawesi Barat", "81": "Maluku", "82": "Maluku Utara",
    "91": "Papua", "92": "Papua Barat", "93": "Papua Selatan", "94": "Papua Tengah",
    "95": "Papua Pegunungan", "96": "Papua Barat Daya",
}  # fmt: skip

REGENCIES: dict[str, str] = {
    "6101": "Kabupaten Sambas", "6102": "Kabupaten Mempawah", "6103": "Kabupaten Sanggau",
    "6104": "Kabupaten Ketapang", "6105": "Kabupaten Sintang", "6106": "Kabupaten Kapuas Hulu",
    "6107": "Kabupaten Bengkayang", "6108": "Kabupaten Landak", "6109": "Kabupaten Sekadau",
    "6110": "Kabupaten Melawi", "6111": "Kabupaten Kayong Utara", "6112": "Kabupaten Kubu Raya",
    "6171": "Kota Pontianak", "6172": "Kota Singkawang",
}  # fmt: skip

SUBDISTRICTS: dict[str, str] = {
    "610705": "Kecamatan Seluas",
    "610707": "Kecamatan Jagoi Babang",
    "610712": "Kecamatan Siding",
}
