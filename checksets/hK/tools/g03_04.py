"""Gold for hK03 (Armenia–Iran interview) and hK04 (EU–Central Asia summit live blog)."""
from common import agreement, city, event, org, person, project, role, state, write

FM = ("Minister of Foreign Affairs", "Foreign Affairs Minister", "FM")

# hK03 ---------------------------------------------------------------------------------------
D = "2025-05-28"
AM, IR = "Armenia", "Iran"
MTAI = "Ministry of Territorial Administration and Infrastructure of Armenia"
MRUD = "Ministry of Roads and Urban Development of Iran"
write("hK03.txt", D,
      [person("Davit Khudatyan", role("Minister of Territorial Administration and Infrastructure", AM, "infrastructure minister", "Minister"),
              aliases=["David Khudatyan"]),
       person("Farzaneh Sadegh", role("Minister of Roads and Urban Development", IR, "Minister"), aliases=["Farzaneh Sadegh Malvajerd"]),
       person("Abbas Aliabadi", role("Minister of Energy", IR, "energy minister", "Minister")),
       person("Nikol Pashinyan", role("Prime Minister", AM, "PM")),
       person("Masoud Pezeshkian", role("President", IR)),
       person("Mehdi Sobhani", role("Ambassador", IR, "Ambassador to Armenia")),
       person("Ararat Mirzoyan", role("Foreign Minister", AM, *FM))],
      [state(AM), state(IR)],
      [org(MTAI, AM, ["Ministry of Territorial Administration and Infrastructure"]),
       org(MRUD, IR, ["Iran's Ministry of Roads and Urban Development", "Ministry of Roads and Urban Development"]),
       org("Asian Development Bank", None, ["ADB"]),
       org("European Union", None, ["EU"]),
       org("High Voltage Electric Networks", AM, ["HVEN"]),
       org("Tavanir", IR),
       org("National Iranian Gas Company", IR, ["NIGC"]),
       org("Eurasian Economic Union", None, ["EAEU"])],
      [city("Yerevan", AM), city("Tehran", IR), city("Meghri", AM), city("Nurduz", IR), city("Agarak", AM), city("Kajaran", AM)],
      [agreement("Meghri–Nurduz bridge protocol", [["bridge", "protocol"], ["meghri"], ["nurduz"], ["aras"]], [MTAI, MRUD, AM, IR], "2025-05-21"),
       agreement("Agarak–Kajaran road section contract", [["agarak"], ["kajaran"]], [AM], "2023"),
       agreement("Gas-for-electricity swap volume deal", [["gas", "electricity"], ["swap"]], ["National Iranian Gas Company", AM], "2025-04"),
       agreement("2004 Iran–Armenia intergovernmental gas pipeline agreement", [["2004"], ["gas", "pipeline"]], [AM, IR], "2004")],
      [project("Second Meghri–Nurduz road bridge over the Aras", [["bridge"], ["meghri"], ["nurduz"]], [AM, IR, MTAI, MRUD], ["Meghri", "Nurduz"]),
       # The crossing and its 1990s bridge exist today: existing infrastructure named in passing is a project.
       project("Existing Meghri–Nurduz crossing and bridge", [["nurduz", "crossing"], ["current", "bridge"], ["existing", "bridge"]], [AM, IR], ["Meghri", "Nurduz"]),
       project("North-South Road Corridor", [["north", "south", "road"], ["north", "south", "corridor"]], [AM, "Asian Development Bank", "European Union"]),
       project("Agarak–Kajaran section of the North-South road", [["agarak"], ["kajaran"]], [AM], ["Agarak", "Kajaran"]),
       project("Third Iran–Armenia 400 kV power line", [["power", "line"], ["400"], ["transmission"]], ["High Voltage Electric Networks", "Tavanir", AM, IR]),
       project("Iran–Armenia gas pipeline", [["gas", "pipeline"]], [AM, IR]),
       project("Crossroads of Peace", [["crossroads"]], [AM]),
       project("Meghri free economic zone", [["free", "economic", "zone"], ["meghri", "zone"]], [AM], ["Meghri"])],
      [event("Visit", "Khudatyan visit to Iran", ["Davit Khudatyan", AM, IR], "Tehran", "2025-05-20"),
       event("Meeting", "Khudatyan–Sadegh talks", ["Davit Khudatyan", "Farzaneh Sadegh"], "Tehran", "2025-05-20"),
       event("Signing", "Signing of the Meghri–Nurduz bridge protocol", ["Davit Khudatyan", "Farzaneh Sadegh", MTAI, MRUD, AM, IR], "Tehran", "2025-05-21"),
       event("Meeting", "Khudatyan–Aliabadi meeting", ["Davit Khudatyan", "Abbas Aliabadi"], "Tehran", "2025-05-20"),
       event("Statement", "Khudatyan interview with South Caucasus Review", ["Davit Khudatyan"], "Yerevan", "2025-05-27"),
       event("Consultation", "Pashinyan–Pezeshkian phone call", ["Nikol Pashinyan", "Masoud Pezeshkian"], None, "2025-05-26"),
       event("Visit", "Pezeshkian visit to Armenia (planned)", ["Masoud Pezeshkian", IR, AM], "Yerevan", "2025"),
       event("Statement", "Sobhani remarks to reporters", ["Mehdi Sobhani"], None, "2025-05"),
       event("Meeting", "Armenia–Iran intergovernmental commission (planned)", [AM, IR], "Yerevan", "2025")])

# hK04 ---------------------------------------------------------------------------------------
D = "2025-04-04"
UZ, KZ, KG, TJ, TM = "Uzbekistan", "Kazakhstan", "Kyrgyzstan", "Tajikistan", "Turkmenistan"
EU, EIB = "European Union", "European Investment Bank"
C5 = [KZ, KG, TJ, TM, UZ]
write("hK04.txt", D,
      [person("António Costa", role("President of the European Council", None, "European Council President")),
       person("Ursula von der Leyen", role("President of the European Commission", None, "European Commission President", "Commission President")),
       person("Shavkat Mirziyoyev", role("President", UZ)),
       person("Kassym-Jomart Tokayev", role("President", KZ)),
       person("Sadyr Japarov", role("President", KG)),
       person("Emomali Rahmon", role("President", TJ)),
       person("Serdar Berdimuhamedov", role("President", TM)),
       person("Nadia Calviño", role("President of the European Investment Bank", None, "EIB President", "European Investment Bank President", "President")),
       person("Serik Zhumangarin", role("Deputy Prime Minister", KZ, "Deputy PM"),
              role("Minister of National Economy", KZ, "National Economy Minister"))],
      [state(UZ), state(KZ), state(KG), state(TJ), state(TM),
       state("Russia", actor=False), state("China", actor=False), state("Afghanistan", actor=False)],
      [org(EU, None, ["EU"]),
       org("European Commission", None, ["the Commission"]),
       org("European Council", None, ["the Council"]),
       org(EIB, None, ["EIB"])],
      [city("Samarkand", UZ), city("Astana", KZ), city("Ashgabat", TM), city("Aktau", KZ), city("Luxembourg", "Luxembourg"),
       city("Brussels", "Belgium")],
      [agreement("Samarkand Declaration", [["samarkand", "declaration"], ["joint", "declaration"]], [EU, *C5], D),
       agreement("EU–Uzbekistan MoU on a strategic partnership on critical raw materials", [["critical", "raw"]], [EU, UZ], D),
       agreement("EIB–Kazakhstan framework agreement", [["eib", "framework"], ["framework", "kazakhstan"]], [EIB, KZ], D),
       agreement("EU–Kazakhstan MoU on sustainable raw materials, batteries and renewable hydrogen", [["batteries"], ["hydrogen"]], [EU, KZ], "2022-11")],
      [project("Global Gateway investment package for Central Asia", [["global", "gateway"]], [EU, "European Commission", *C5]),
       project("Trans-Caspian Transport Corridor", [["trans", "caspian"]], [EU, KZ, EIB]),
       project("Aktau port container terminal", [["aktau"]], [EIB, KZ], ["Aktau"]),
       project("Rogun hydropower plant", [["rogun"]], [TJ])],
      [event("Meeting", "First EU–Central Asia summit", ["António Costa", "Ursula von der Leyen", "Shavkat Mirziyoyev", "Kassym-Jomart Tokayev", "Sadyr Japarov",
                                                       "Emomali Rahmon", "Serdar Berdimuhamedov", EU, *C5], "Samarkand", D),
       event("Statement", "Mirziyoyev opening address", ["Shavkat Mirziyoyev"], "Samarkand", D),
       event("Statement", "Von der Leyen speech announcing the €12bn package", ["Ursula von der Leyen"], "Samarkand", D),
       event("Meeting", "Tokayev–Costa bilateral on the margins", ["Kassym-Jomart Tokayev", "António Costa"], "Samarkand", D),
       event("Statement", "Costa post on X", ["António Costa"], None, D),
       event("Meeting", "Von der Leyen–Mirziyoyev talks on the sidelines", ["Ursula von der Leyen", "Shavkat Mirziyoyev"], "Samarkand", D),
       event("Signing", "Signing of the EU–Uzbekistan raw materials MoU", ["Ursula von der Leyen", "Shavkat Mirziyoyev", EU, UZ], "Samarkand", D),
       event("Meeting", "Japarov–Costa meeting on the sidelines", ["Sadyr Japarov", "António Costa"], "Samarkand", D),
       event("Statement", "Kyrgyz presidency statement", [KG], None, D),
       event("Statement", "Rahmon address to the plenary", ["Emomali Rahmon"], "Samarkand", D),
       event("Signing", "Signing of the EIB–Kazakhstan framework agreement", ["Nadia Calviño", "Serik Zhumangarin", EIB, KZ], "Samarkand", D),
       event("PressConference", "Closing news conference", ["António Costa", "Ursula von der Leyen", "Shavkat Mirziyoyev"], "Samarkand", D),
       event("Meeting", "EU–Central Asia ministerial meeting (planned)", [EU, *C5], "Luxembourg", "2025-10"),
       event("Meeting", "Second EU–Central Asia summit (planned)", [EU, *C5], None, "2027")])
