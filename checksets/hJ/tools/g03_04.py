"""Gold for hJ03 (Afghanistan–Turkmenistan interview) and hJ04 (OTS summit live blog in Gabala)."""
from common import agreement, city, event, org, person, project, role, state, write

FM = ("Minister of Foreign Affairs", "Foreign Affairs Minister", "FM")

# hJ03 ---------------------------------------------------------------------------------------
D = "2025-09-16"
AF, TM, PK, IN = "Afghanistan", "Turkmenistan", "Pakistan", "India"
MOMP, TPCL = "Ministry of Mines and Petroleum of Afghanistan", "TAPI Pipeline Company"
DABS = "Da Afghanistan Breshna Sherkat"
write("hJ03.txt", D,
      [person("Nooruddin Azizi", role("Minister of Commerce and Industry", AF, "acting Minister of Commerce and Industry",
                                      "Commerce Minister", "commerce minister"), aliases=["Nuruddin Azizi"]),
       person("Hedayatullah Badri", role("Minister of Mines and Petroleum", AF, "Minister", "Mines Minister")),
       # Head of a four-state pipeline company: no single state.
       person("Muhammetmyrat Amanov", role("Chief Executive", None, "chief executive of the company", "CEO", "chief executive")),
       person("Serdar Berdimuhamedov", role("President", TM)),
       person("Rashid Meredov", role("Deputy Chairman of the Cabinet of Ministers", TM, "Deputy Chairman"),
              role("Foreign Minister", TM, *FM)),
       person("Ali Pervaiz Malik", role("Petroleum Minister", PK, "Minister of Petroleum", "petroleum minister")),
       # "Mawlawi" is a religious honorific, not a post.
       person("Amir Khan Muttaqi", role("Foreign Minister", AF, *FM, "acting Foreign Minister"), aliases=["Mawlawi Amir Khan Muttaqi"])],
      [state(AF, aliases=["Islamic Emirate of Afghanistan", "Islamic Emirate"]), state(TM), state(PK),
       # A signatory of the 2010 agreement, so a party in the story.
       state(IN), state("Uzbekistan", actor=False)],
      [org(MOMP, AF, ["Ministry of Mines and Petroleum"]),
       org(TPCL, None, ["TAPI Pipeline Company Limited", "TPCL"]),
       org("Turkmengaz", TM),
       org("Asian Development Bank", None, ["ADB"]),
       org(DABS, AF, ["DABS"]),
       org("Turkmenenergo", TM),
       org("Ministry of Foreign Affairs of Turkmenistan", TM, ["foreign ministry of Turkmenistan", "Turkmen foreign ministry"])],
      [city("Kabul", AF), city("Herat", AF), city("Ashgabat", TM), city("Shindand", AF), city("Serhetabat", TM),
       city("Islam Qala", AF), city("Mary", TM), city("Kandahar", AF), city("Torghundi", AF), city("Chaman", PK),
       city("Islamabad", PK)],
      [agreement("TAPI right-of-way and land acquisition agreement for the Herat–Shindand section",
                 [["right", "way"], ["land", "acquisition"]], [MOMP, TPCL, AF], "2025-09-11"),
       agreement("2010 TAPI intergovernmental agreement", [["tapi", "intergovernmental"], ["2010"]], [TM, AF, PK, IN], "2010"),
       # "reached an agreement" in July; its formal signing is only planned.
       agreement("DABS–Turkmenenergo electricity price and volume agreement for 2026",
                 [["electricity"], ["power", "price"], ["2026"], ["kilowatt"]], [DABS, "Turkmenenergo"], "2025-07")],
      [project("Turkmenistan–Afghanistan–Pakistan–India gas pipeline (TAPI)", [["tapi"], ["turkmenistan", "afghanistan", "pakistan", "india"]],
               [TM, AF, PK, IN, TPCL, "Turkmengaz"], ["Herat", "Serhetabat", "Mary"]),
       project("TAPI Herat–Shindand section", [["shindand"]], [MOMP, TPCL, AF], ["Herat", "Shindand"]),
       project("TAP-500 power line", [["tap", "500"]], [TM, AF, PK], ["Herat", "Kandahar"]),
       project("Mes Aynak copper mine", [["mes", "aynak"]], [AF]),
       project("Nur al-Jahad substation", [["nur", "jahad"], ["substation"]], [AF, TM], ["Herat"])],
      [event("Statement", "Interview with Nooruddin Azizi", ["Nooruddin Azizi"], "Kabul", "2025-09-13"),
       event("Signing", "Signing of the TAPI land agreement in Herat",
             ["Hedayatullah Badri", "Muhammetmyrat Amanov", "Nooruddin Azizi", MOMP, TPCL, AF], "Herat", "2025-09-11"),
       event("Visit", "Azizi visit to Turkmenistan", ["Nooruddin Azizi", AF, TM], "Ashgabat", "2025-08"),
       event("Meeting", "Azizi–Meredov meeting", ["Nooruddin Azizi", "Rashid Meredov"], "Ashgabat", "2025-08"),
       event("Statement", "Turkmen foreign ministry statement after the Azizi–Meredov meeting",
             ["Ministry of Foreign Affairs of Turkmenistan", TM], None, "2025-08"),
       event("Consultation", "Malik–Muttaqi phone call", ["Ali Pervaiz Malik", "Amir Khan Muttaqi"], None, "2025-09"),
       event("Meeting", "Afghan–Turkmen technical teams on the Torghundi logistics centre (planned)", [AF, TM], None, "2025-10"),
       event("Visit", "Muttaqi visit to Turkmenistan (planned)", ["Amir Khan Muttaqi", AF, TM], TM, "2025"),
       event("Meeting", "TAPI steering committee in Islamabad (planned)", [AF, TM, PK], "Islamabad", "2025-11")])

# hJ04 ---------------------------------------------------------------------------------------
D = "2025-10-07"
AZ, KZ, KG, TR, UZ, HU = "Azerbaijan", "Kazakhstan", "Kyrgyzstan", "Türkiye", "Uzbekistan", "Hungary"
OTS, AZT, KZT = "Organization of Turkic States", "AzerTelecom", "Kazakhtelecom"
MEMBERS = [AZ, KZ, KG, TR, UZ]
LEADERS = ["Ilham Aliyev", "Recep Tayyip Erdoğan", "Kassym-Jomart Tokayev", "Sadyr Japarov", "Shavkat Mirziyoyev"]
write("hJ04.txt", D,
      [person("Kubanychbek Omuraliev", role("Secretary-General", None, "OTS Secretary-General", "Secretary General")),
       person("Sadyr Japarov", role("President", KG), aliases=["Sadyr Zhaparov"]),
       person("Viktor Orbán", role("Prime Minister", HU, "PM"), aliases=["Viktor Orban"]),
       person("Ilham Aliyev", role("President", AZ)),
       person("Kassym-Jomart Tokayev", role("President", KZ)),
       person("Shavkat Mirziyoyev", role("President", UZ)),
       person("Gurbanguly Berdimuhamedov", role("Chairman of the Halk Maslahaty", TM, "Chairman of the People's Council",
                                               "Chairman of the Halk Maslahaty (People's Council)")),
       person("Recep Tayyip Erdoğan", role("President", TR), aliases=["Recep Tayyip Erdogan"])],
      [state(AZ), state(KZ), state(KG), state(TR, aliases=["Turkey", "Republic of Türkiye"]), state(UZ), state(HU), state(TM),
       state("China", actor=False)],
      [org(OTS, None, ["OTS", "Organisation of Turkic States"]),
       org(AZT, AZ),
       org(KZT, KZ),
       org("Turkic Investment Fund", None)],
      [city("Gabala", AZ, ["Qabala"]), city("Baku", AZ), city("Bishkek", KG), city("Budapest", HU), city("Sumgayit", AZ),
       city("Aktau", KZ), city("Alat", AZ), city("Tbilisi", "Georgia"), city("Kars", TR)],
      [agreement("12 documents signed at the OTS Gabala summit", [["12", "documents"], ["twelve"]], MEMBERS, D),
       agreement("Gabala Declaration", [["gabala", "declaration"]], MEMBERS, D),
       agreement("Memorandum on a Turkic single window for customs data", [["single", "window"]], MEMBERS, D),
       agreement("AzerTelecom–Kazakhtelecom framework agreement on the Trans-Caspian fibre-optic cable",
                 [["fibre", "optic"], ["fiber", "optic"], ["framework", "cable"]], [AZT, KZT], D),
       # The text gives no parties for the fund's founding agreement.
       agreement("2023 agreement establishing the Turkic Investment Fund", [["turkic", "investment", "fund"]], [], "2023")],
      [project("Middle Corridor (Trans-Caspian International Transport Route)",
               [["middle", "corridor"]], [OTS, *MEMBERS]),
       project("Trans-Caspian fibre-optic cable", [["fibre", "optic"], ["fiber", "optic"], ["trans", "caspian", "cable"]],
               [AZT, KZT, AZ, KZ], ["Sumgayit", "Aktau"]),
       project("Kambarata-1 hydropower plant", [["kambarata"]], [KG]),
       project("Baku–Tbilisi–Kars railway", [["baku", "tbilisi", "kars"]], [AZ, UZ], ["Baku", "Tbilisi", "Kars"]),
       project("Port of Alat", [["alat"]], [AZ, UZ], ["Alat"]),
       project("Trans-Caspian gas pipeline", [["trans", "caspian", "gas"]], [TM]),
       project("Zangezur corridor", [["zangezur"]], [AZ])],
      [event("Meeting", "12th summit of the Organization of Turkic States",
             [OTS, *LEADERS, "Viktor Orbán", "Gurbanguly Berdimuhamedov", *MEMBERS, HU, TM], "Gabala", D),
       event("Statement", "Aliyev opening address", ["Ilham Aliyev"], "Gabala", D),
       event("Statement", "Erdoğan speech to the summit", ["Recep Tayyip Erdoğan"], "Gabala", D),
       event("Statement", "Berdimuhamedov address", ["Gurbanguly Berdimuhamedov"], "Gabala", D),
       event("Meeting", "Aliyev–Mirziyoyev bilateral meeting", ["Ilham Aliyev", "Shavkat Mirziyoyev", AZ, UZ], "Gabala", D),
       event("Signing", "Signing of the Gabala Declaration and 11 other documents", [*LEADERS, *MEMBERS], "Gabala", D),
       event("Meeting", "Aliyev–Tokayev bilateral talks", ["Ilham Aliyev", "Kassym-Jomart Tokayev", AZ, KZ], "Gabala", D),
       event("Signing", "Signing of the Trans-Caspian cable framework agreement",
             [AZT, KZT, "Ilham Aliyev", "Kassym-Jomart Tokayev", AZ, KZ], "Gabala", D),
       event("Statement", "Orbán post on X", ["Viktor Orbán"], None, D),
       event("Statement", "Japarov remarks to reporters", ["Sadyr Japarov"], "Gabala", D),
       event("PressConference", "Omuraliev closing news conference", ["Kubanychbek Omuraliev", OTS], "Gabala", D),
       event("Meeting", "Kambarata-1 financing conference (planned)", [KG], "Bishkek", "2025"),
       event("Meeting", "Next OTS summit in Kazakhstan (planned)", [OTS, KZ], KZ, "2026")])
