"""Gold for hJ07 (China–Kyrgyzstan–Uzbekistan railway explainer) and hJ08 (Iran–Iraq railway, translated dispatch)."""
from common import agreement, city, event, org, person, project, role, state, write

PM = ("PM",)

# hJ07 ---------------------------------------------------------------------------------------
D = "2026-01-20"
MON = "2026-01-19"
CN, KG, UZ = "China", "Kyrgyzstan", "Uzbekistan"
EXIM, JV, CREC = "Export-Import Bank of China", "China-Kyrgyzstan-Uzbekistan Railway Company", "China Railway Group Limited"
MOTC, UTY = "Ministry of Transport and Communications of Kyrgyzstan", "Uzbekistan Temir Yollari"
THREE = [CN, KG, UZ]
write("hJ07.txt", D,
      [person("Tilek Tekebaev", role("Minister of Transport and Communications", KG, "Transport Minister")),
       person("Ilkhom Makhkamov", role("Transport Minister", UZ, "Minister of Transport")),
       person("Adylbek Kasymaliev", role("Chairman of the Cabinet of Ministers", KG, "Chairman of the Cabinet", "head of the Cabinet")),
       person("Liu Jiangping", role("Ambassador", CN, "Chinese ambassador to Kyrgyzstan", "ambassador to Kyrgyzstan")),
       person("Sadyr Japarov", role("President", KG), aliases=["Sadyr Zhaparov"]),
       # Named as attending the 2024 signing, with no post in this text.
       person("Xi Jinping"),
       person("Shavkat Mirziyoyev"),
       # "then Chairman of the Cabinet of Ministers": a former post is kept.
       person("Akylbek Japarov", role("Chairman of the Cabinet of Ministers", KG, "Chairman of the Cabinet"))],
      [state(CN), state(KG), state(UZ), state("Kazakhstan", actor=False), state("Russia", actor=False),
       state("Türkiye", actor=False, aliases=["Turkey", "Republic of Türkiye"])],
      [org(EXIM, CN, ["China Exim Bank", "Exim Bank of China"]),
       # Owned by three states: no single state.
       org(JV, None, ["CKU Railway Company"]),
       org(CREC, CN, ["CREC", "China Railway Group"]),
       org(MOTC, KG, ["Ministry of Transport and Communications"]),
       org(UTY, UZ, ["Uzbek Railways", "O'zbekiston Temir Yo'llari"]),
       org("Shanghai Cooperation Organisation", None, ["SCO", "Shanghai Cooperation Organization"]),
       org("Ministry of Finance of Kyrgyzstan", KG, ["Kyrgyzstan's Ministry of Finance", "Kyrgyz Ministry of Finance"])],
      [city("Bishkek", KG), city("Kashgar", CN, ["Kashi"]), city("Jalal-Abad", KG), city("Makmal", KG), city("Andijan", UZ),
       city("Tashkent", UZ), city("Samarkand", UZ), city("Beijing", CN), city("Khorgos", "Kazakhstan"), city("Dostyk", "Kazakhstan")],
      [agreement("Exim Bank of China loan agreement for the China-Kyrgyzstan-Uzbekistan railway", [["loan"], ["2", "1", "billion"]], [EXIM, JV], MON),
       agreement("EPC contract for the Makmal–Jalal-Abad section", [["epc"], ["engineering", "procurement"], ["makmal"]], [JV, CREC], MON),
       agreement("Protocol on through-tariffs for freight on the CKU railway", [["tariff"]], [MOTC, *THREE], MON),
       agreement("1997 memorandum on a China-Kyrgyzstan-Uzbekistan railway", [["1997"]], THREE, "1997"),
       agreement("Samarkand agreement on the feasibility study for the Kyrgyz section", [["feasibility"]], THREE, "2022-09"),
       agreement("2024 intergovernmental agreement on building the China-Kyrgyzstan-Uzbekistan railway",
                 [["intergovernmental"], ["2024"]], THREE, "2024-06")],
      [project("China-Kyrgyzstan-Uzbekistan railway", [["china", "kyrgyzstan", "uzbekistan", "railway"], ["cku"]],
               [*THREE, JV, EXIM, CREC, UTY], ["Kashgar", "Makmal", "Jalal-Abad", "Andijan"]),
       project("Makmal–Jalal-Abad section", [["makmal"]], [JV, CREC, KG], ["Makmal", "Jalal-Abad"]),
       project("Middle Corridor", [["middle", "corridor"]], [UZ]),
       project("Trans-Afghan railway", [["trans", "afghan"]], [UZ]),
       project("Khorgos rail crossing", [["khorgos"]], [], ["Khorgos"]),
       project("Dostyk rail crossing", [["dostyk"]], [], ["Dostyk"]),
       project("Torugart crossing", [["torugart"]], [KG, CN]),
       project("Datka-Kemin power line", [["datka"], ["kemin"]], [KG, EXIM])],
      [event("Signing", "Signing of the CKU loan, EPC contract and tariff protocol",
             ["Tilek Tekebaev", "Ilkhom Makhkamov", "Liu Jiangping", "Adylbek Kasymaliev", EXIM, JV, CREC, MOTC, *THREE], "Bishkek", MON),
       event("Visit", "Makhkamov visit to Kyrgyzstan", ["Ilkhom Makhkamov", UZ, KG], "Bishkek", MON),
       event("PressConference", "Kasymaliev news conference", ["Adylbek Kasymaliev"], "Bishkek", MON),
       event("Meeting", "Japarov receives the three delegations at Ala-Archa", ["Sadyr Japarov", *THREE], "Bishkek", MON),
       event("Statement", "Statement of Japarov's office on the railway", ["Sadyr Japarov", KG], None, MON),
       event("Statement", "Makhkamov post on Telegram", ["Ilkhom Makhkamov"], None, "2026-01"),
       event("Meeting", "Transport ministers' meeting in Tashkent (planned)", THREE, "Tashkent", "2026-03"),
       event("Visit", "Japarov state visit to China (planned)", ["Sadyr Japarov", KG, CN], CN, "2026")])

# hJ08 ---------------------------------------------------------------------------------------
D = "2025-02-12"
TUE = "2025-02-11"
IR, IQ = "Iran", "Iraq"
RAI, IRRC, CDTIC = "Islamic Republic of Iran Railways", "Iraqi Republic Railways Company", "Construction and Development of Transportation Infrastructure Company"
write("hJ08.txt", D,
      [person("Farzaneh Sadegh", role("Minister of Roads and Urban Development", IR, "Roads Minister"), aliases=["Farzaneh Sadegh Malvajerd"]),
       person("Razzaq Muhibis al-Saadawi", role("Minister of Transport", IQ, "Transport Minister"), aliases=["Razzaq Muhaibis al-Saadawi"]),
       person("Mohammad Kazem Al-e Sadegh", role("Ambassador", IR, "ambassador in Baghdad", "ambassador to Iraq")),
       person("Mohammed Shia al-Sudani", role("Prime Minister", IQ, *PM)),
       # "the then First Vice President": a former post is kept.
       person("Mohammad Mokhber", role("First Vice President", IR)),
       person("Mohammad Reza Aref", role("First Vice President", IR))],
      [state(IR, aliases=["Islamic Republic of Iran"]), state(IQ, aliases=["Republic of Iraq"]), state("Syria", actor=False)],
      [org(RAI, IR, ["RAI", "Iranian railways"]),
       org(IRRC, IQ, ["Iraqi Railways"]),
       org(CDTIC, IR, ["CDTIC", "Construction and Development of Transportation Infrastructure Company of Iran"])],
      [city("Basra", IQ), city("Shalamcheh", IR), city("Karbala", IQ), city("Najaf", IQ), city("Umm Qasr", IQ),
       city("Baghdad", IQ), city("Tehran", IR)],
      [agreement("Executive protocol on the construction and joint operation of the Shalamcheh–Basra railway",
                 [["executive", "protocol"], ["shalamcheh", "protocol"], ["basra", "protocol"]], [IR, IQ], TUE),
       # The Iraqi consortium is unnamed, so CDTIC is the one listed party.
       agreement("Arvand River bridge contract", [["arvand", "bridge"], ["bridge", "contract"]], [CDTIC], TUE),
       # "had reached agreement": a deal reached, no signing, no date in the text.
       agreement("Iran–Iraq transit fee deal for freight to Umm Qasr", [["transit", "fee"], ["umm", "qasr"]], [IR, IQ], None),
       agreement("2021 Iran–Iraq agreement on the Shalamcheh–Basra railway", [["2021"], ["shalamcheh", "basra", "agreement"]], [IR, IQ], "2021-12")],
      [project("Shalamcheh–Basra railway", [["shalamcheh"], ["basra", "railway"]], [IR, IQ, RAI, IRRC, CDTIC], ["Shalamcheh", "Basra"]),
       project("Arvand River bridge", [["arvand", "bridge"], ["shatt", "arab"]], [CDTIC, IR, IQ]),
       project("Arvand Free Zone", [["arvand", "free", "zone"]], [IR]),
       project("Development Road", [["development", "road"]], [IQ]),
       project("North-South corridor", [["north", "south", "corridor"]], [IR]),
       project("Port of Umm Qasr", [["umm", "qasr"]], [IQ], ["Umm Qasr"])],
      [event("Visit", "Sadegh visit to Iraq", ["Farzaneh Sadegh", IR, IQ], "Basra", "2025-02-10"),
       event("Signing", "Signing of the Shalamcheh–Basra protocol and the Arvand bridge contract",
             ["Farzaneh Sadegh", "Razzaq Muhibis al-Saadawi", CDTIC, IR, IQ], "Basra", TUE),
       event("Statement", "Iran–Iraq joint communiqué after the ceremony", [IR, IQ], "Basra", TUE),
       event("Statement", "Al-e Sadegh remarks to IRNA", ["Mohammad Kazem Al-e Sadegh"], "Basra", TUE),
       event("Consultation", "Aref–al-Sudani phone call", ["Mohammad Reza Aref", "Mohammed Shia al-Sudani"], None, "2025-02-09"),
       event("Visit", "Al-Sudani visit to Iran (planned)", ["Mohammed Shia al-Sudani", IQ, IR], "Tehran", "2025"),
       event("Meeting", "Iran–Iraq joint economic commission (planned)", [IR, IQ], "Tehran", "2025-03")])
