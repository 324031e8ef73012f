"""Gold for hJ05 (Bay Brief newsletter: BIMSTEC summit in Bangkok) and hJ06 (KF-21 trade-press brief)."""
from common import agreement, city, event, org, person, project, role, state, write

FM = ("Minister of Foreign Affairs", "Foreign Affairs Minister", "FM")
PM = ("PM",)

# hJ05 ---------------------------------------------------------------------------------------
D = "2025-04-07"
FRI, THU, SAT = "2025-04-04", "2025-04-03", "2025-04-05"
TH, IN, BD, NP, LK, BT, MM = "Thailand", "India", "Bangladesh", "Nepal", "Sri Lanka", "Bhutan", "Myanmar"
SEVEN = [TH, IN, BD, NP, LK, BT, MM]
BIM = "BIMSTEC"
LEADERS = ["Paetongtarn Shinawatra", "Narendra Modi", "Muhammad Yunus", "K. P. Sharma Oli", "Anura Kumara Dissanayake",
           "Tshering Tobgay", "Min Aung Hlaing"]
write("hJ05.txt", D,
      [person("Paetongtarn Shinawatra", role("Prime Minister", TH, *PM)),
       person("Narendra Modi", role("Prime Minister", IN, *PM)),
       person("Muhammad Yunus", role("Chief Adviser", BD, "Chief Advisor")),
       person("K. P. Sharma Oli", role("Prime Minister", NP, *PM), aliases=["KP Sharma Oli", "Khadga Prasad Sharma Oli"]),
       person("Anura Kumara Dissanayake", role("President", LK)),
       person("Tshering Tobgay", role("Prime Minister", BT, *PM)),
       # "Senior General" is a rank; the post is the council chairmanship.
       person("Min Aung Hlaing", role("Chairman of the State Administration Council", MM, "chairman of the State Administration Council",
                                      "SAC chairman")),
       # "His Majesty" is a style; the post is King.
       person("Jigme Khesar Namgyel Wangchuck", role("King", BT)),
       person("Maha Vajiralongkorn", role("King", TH), aliases=["Vajiralongkorn"]),
       person("Indra Mani Pandey", role("Secretary General", None, "BIMSTEC Secretary General", "Secretary-General")),
       # Named only as the head of a fallen government: no post in this text.
       person("Sheikh Hasina"),
       person("Vikram Misri", role("Foreign Secretary", IN)),
       person("D. N. Dhungyel", role("Minister for Foreign Affairs and External Trade", BT, "Foreign Minister", *FM),
              aliases=["DN Dhungyel", "Dina Nath Dhungyel"]),
       person("Maris Sangiampongsa", role("Foreign Minister", TH, *FM)),
       person("Touhid Hossain", role("Foreign Adviser", BD, "Foreign Affairs Adviser"), aliases=["Md. Touhid Hossain"])],
      [state(s) for s in SEVEN],
      [org(BIM, None, ["Bay of Bengal Initiative for Multi-Sectoral Technical and Economic Cooperation"]),
       org("Board of Investment of Thailand", TH, ["BOI"])],
      [city("Bangkok", TH), city("Dhaka", BD), city("Colombo", LK), city("Kathmandu", NP), city("Gelephu", BT), city("Lothal", IN)],
      [agreement("Bangkok Vision 2030", [["bangkok", "vision"], ["vision", "2030"]], SEVEN, FRI),
       agreement("BIMSTEC Agreement on Maritime Transport Cooperation", [["maritime", "transport"]], SEVEN, FRI),
       # Named as in force; the text gives no date of signing.
       agreement("BIMSTEC Charter", [["charter"]], SEVEN, None),
       agreement("India–Thailand MoU on the Lothal maritime heritage complex", [["lothal"], ["heritage"]], [IN, TH], THU),
       agreement("India–Thailand MoU on micro, small and medium enterprises", [["msme"], ["small", "medium", "enterprises"]], [IN, TH], THU),
       agreement("India–Thailand MoU on digital technologies", [["digital"]], [IN, TH], THU),
       agreement("Bhutan–Thailand MoU on agricultural cooperation", [["agricultur"], ["rice"]], [BT, TH], SAT),
       agreement("Seven India–Sri Lanka memorandums signed in Colombo", [["seven"], ["7", "memorandums"]], [IN, LK], SAT),
       agreement("India–Sri Lanka defence cooperation MoU", [["defence"], ["defense"]], [IN, LK], SAT),
       agreement("Mahakali Treaty", [["mahakali"]], [IN, NP], "1996")],
      [project("Lothal maritime heritage complex", [["lothal"], ["maritime", "heritage"]], [IN, TH], ["Lothal"]),
       project("India–Myanmar–Thailand Trilateral Highway", [["trilateral", "highway"]], [IN, MM, TH]),
       project("Gelephu Mindfulness City", [["gelephu", "mindfulness"], ["mindfulness", "city"]], [BT], ["Gelephu"]),
       project("Pancheshwar multipurpose project", [["pancheshwar"]], [IN, NP]),
       project("Operation Brahma earthquake relief", [["operation", "brahma"], ["brahma"]], [IN, MM])],
      [event("Meeting", "Sixth BIMSTEC summit", [BIM, *LEADERS, *SEVEN], "Bangkok", FRI),
       event("Signing", "Signing of the BIMSTEC maritime transport agreement", [*LEADERS, *SEVEN], "Bangkok", FRI),
       event("PressConference", "Pandey news conference after the summit", ["Indra Mani Pandey", BIM], "Bangkok", FRI),
       event("Meeting", "Modi–Yunus meeting on the sidelines", ["Narendra Modi", "Muhammad Yunus", IN, BD], "Bangkok", FRI),
       event("Statement", "Yunus post on X", ["Muhammad Yunus"], None, "2025-04"),
       event("Statement", "Misri remarks to reporters", ["Vikram Misri"], "Bangkok", FRI),
       event("Visit", "Modi official visit to Thailand", ["Narendra Modi", IN, TH], "Bangkok", THU),
       event("Meeting", "Modi–Paetongtarn talks at Government House", ["Narendra Modi", "Paetongtarn Shinawatra", IN, TH], "Bangkok", THU),
       event("Signing", "Signing of three India–Thailand memorandums", ["Narendra Modi", "Paetongtarn Shinawatra", IN, TH], "Bangkok", THU),
       event("Meeting", "King Maha Vajiralongkorn grants Modi an audience at the Dusit Palace",
             ["Maha Vajiralongkorn", "Narendra Modi"], "Bangkok", THU),
       event("Meeting", "Modi–Min Aung Hlaing meeting", ["Narendra Modi", "Min Aung Hlaing", IN, MM], "Bangkok", FRI),
       event("Signing", "Signing of the Bhutan–Thailand agricultural MoU", ["D. N. Dhungyel", "Maris Sangiampongsa", BT, TH], "Bangkok", SAT),
       event("Meeting", "Tobgay investor breakfast hosted by the BOI", ["Tshering Tobgay", "Board of Investment of Thailand"], "Bangkok", SAT),
       event("Visit", "Modi visit to Sri Lanka", ["Narendra Modi", IN, LK], "Colombo", "2025-04"),
       event("Meeting", "Dissanayake hosts Modi at the Presidential Secretariat", ["Anura Kumara Dissanayake", "Narendra Modi"], "Colombo", "2025-04"),
       event("Signing", "Signing of seven India–Sri Lanka memorandums", [IN, LK], "Colombo", SAT),
       event("Meeting", "Oli–Modi meeting on the Bangkok sidelines", ["K. P. Sharma Oli", "Narendra Modi", NP, IN], "Bangkok", "2025-04"),
       event("Meeting", "BIMSTEC foreign ministers' meeting in Dhaka (planned)", [BIM, BD], "Dhaka", "2025"),
       event("Meeting", "Seventh BIMSTEC summit in Bangladesh (planned)", [BIM, BD], BD, None)])

# hJ06 ---------------------------------------------------------------------------------------
D = "2024-11-28"
ID, KR = "Indonesia", "South Korea"
MOD, DAPA, KAI, PTDI = "Ministry of Defence of Indonesia", "Defense Acquisition Program Administration", "Korea Aerospace Industries", "PT Dirgantara Indonesia"
write("hJ06.txt", D,
      [person("Sjafrie Sjamsoeddin", role("Defence Minister", ID, "Minister of Defence", "Defense Minister")),
       person("Seok Jong-gun", role("Minister of the Defense Acquisition Program Administration", KR, "DAPA Minister", "Minister")),
       person("Kang Goo-young", role("Chief Executive", KR, "chief executive", "CEO", "KAI chief executive")),
       person("Gita Amperiawan", role("President Director", ID, "PTDI president director"))],
      [state(ID), state(KR, aliases=["Republic of Korea", "Korea"])],
      [org(MOD, ID, ["Indonesia's Ministry of Defence", "Ministry of Defence", "Indonesian Ministry of Defence"]),
       org(DAPA, KR, ["DAPA"]),
       org(KAI, KR, ["KAI"]),
       org(PTDI, ID, ["PTDI"])],
      [city("Jakarta", ID), city("Bandung", ID), city("Sacheon", KR), city("Seoul", KR)],
      [agreement("Amendment to the KF-21 cost-sharing agreement", [["amendment"], ["600", "billion"]], [MOD, DAPA, ID, KR], D),
       agreement("2016 KF-21 cost-sharing agreement", [["2016"], ["cost", "sharing"]], [ID, KR], "2016")],
      [project("KF-21 Boramae fighter programme", [["kf", "21"], ["boramae"]], [ID, KR, MOD, DAPA, KAI, PTDI], ["Sacheon"])],
      [event("Signing", "Signing of the KF-21 cost-share amendment", ["Sjafrie Sjamsoeddin", "Seok Jong-gun", MOD, DAPA, ID, KR], "Jakarta", D),
       event("Visit", "Seok visit to Indonesia", ["Seok Jong-gun", KR, ID], "Jakarta", D),
       event("Statement", "DAPA statement on the amendment", [DAPA, KR], None, "2024-11"),
       event("Statement", "Seok remarks to reporters after the ceremony", ["Seok Jong-gun"], "Jakarta", D),
       event("Meeting", "KF-21 joint committee in Seoul (planned)", [ID, KR], "Seoul", "2024-12")])
