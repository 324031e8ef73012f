"""Gold for hF07 (IMEC explainer with history) and hF08 (Bangladesh–Qatar LNG trade-press piece)."""
from common import agreement, city, event, org, person, project, role, state, write

FM = ("Minister of Foreign Affairs", "FM")

# hF07 ---------------------------------------------------------------------------------------
D = "2026-03-10"
IN, SA, AE, IT, FR, DE, US = "India", "Saudi Arabia", "United Arab Emirates", "Italy", "France", "Germany", "United States"
JO, IL, GR = "Jordan", "Israel", "Greece"
EU = "European Union"
AV, SJ, SM = "Ashwini Vaishnaw", "Saleh Al-Jasser", "Suhail Al Mazrouei"
SIGNED_2023 = [IN, US, SA, AE, FR, DE, IT, EU]
write("hF07.txt", D,
      [person(AV, role("Railways Minister", IN, "Minister of Railways")),
       person(SJ, role("Minister of Transport and Logistic Services", SA, "Transport Minister")),
       person(SM, role("Minister of Energy and Infrastructure", AE, "Energy Minister"), aliases=["Suhail Mohamed Al Mazrouei"]),
       person("Narendra Modi", role("Prime Minister", IN, "PM")),
       person("Joe Biden", role("President", US), aliases=["Joseph Biden", "Joseph R. Biden"]),
       person("Mohammed bin Salman", role("Crown Prince", SA), aliases=["MBS"]),
       person("Francesco Maria Talò", role("Special Envoy", IT, "special envoy for IMEC"), aliases=["Francesco Talò"]),
       person("Antonio Tajani", role("Foreign Minister", IT, *FM))],
      [state(IN), state(SA), state(AE, aliases=["UAE"]), state(IT), state(FR), state(DE), state(US, aliases=["US", "United States of America"]),
       state(JO, actor=False), state(IL, actor=False), state(GR, actor=False)],
      [org(EU, None, ["EU"]),
       org("G20", None, ["Group of Twenty"]),
       org("Etihad Rail", AE),
       org("Adani Ports and Special Economic Zone", IN, ["Adani Ports"]),
       org("Gadot", IL),
       org("Google", US)],
      [city("Riyadh", SA), city("Mundra", IN), city("Nhava Sheva", IN), city("Jebel Ali", AE), city("Dammam", SA),
       city("New Delhi", IN), city("Abu Dhabi", AE), city("Haifa", IL), city("Jeddah", SA), city("Piraeus", GR),
       city("Rome", IT), city("Al Haditha", SA)],
      [agreement("IMEC protocol on a single digital customs window", [["customs", "window"], ["protocol"]], [IN, SA, AE], "2026-03-05"),
       agreement("2023 memorandum of understanding on the principles of IMEC", [["memorandum"], ["principles"]], SIGNED_2023, "2023-09-09"),
       agreement("India–UAE intergovernmental framework agreement on IMEC", [["framework", "agreement"]], [IN, AE], "2024-02")],
      [project("India-Middle East-Europe Economic Corridor", [["imec"], ["india", "middle", "east", "europe"]],
               [*SIGNED_2023, JO, IL], []),
       project("Virtual Trade Corridor", [["virtual", "trade", "corridor"]], [IN, AE], []),
       project("Etihad Rail network", [["etihad", "rail"]], ["Etihad Rail", AE], []),
       project("Saudi Landbridge", [["landbridge"], ["land", "bridge"]], [SA], ["Riyadh", "Jeddah"]),
       project("Haifa port", [["haifa"]], ["Adani Ports and Special Economic Zone", "Gadot", IL], ["Haifa"]),
       project("Saudi Vision 2030", [["vision", "2030"]], [SA], []),
       project("Global Gateway", [["global", "gateway"]], [EU], []),
       project("Blue-Raman cable system", [["blue", "raman"]], ["Google", IN, SA, JO, IT], []),
       project("Dedicated Freight Corridor", [["dedicated", "freight", "corridor"], ["freight", "corridor"]], [IN], ["Mundra"])],
      [event("Meeting", "IMEC ministerial meeting in Riyadh", [IN, SA, AE, IT, FR, EU, US, AV, SJ, SM], "Riyadh", "2026-03-05"),
       event("Signing", "Signing of the customs-window protocol", [AV, SJ, SM, IN, SA, AE], "Riyadh", "2026-03-05"),
       event("PressConference", "Al-Jasser press conference after the signing", [SJ], "Riyadh", "2026-03-05"),
       event("Statement", "Vaishnaw post on X", [AV], None, "2026-03"),
       event("Statement", "Tajani statement welcoming the protocol", ["Antonio Tajani"], None, "2026-03"),
       event("Meeting", "Next IMEC ministerial meeting (planned)", [IN, SA, AE, IT], "Rome", "2026"),
       event("Visit", "Al-Jasser visit to New Delhi (planned)", [SJ, SA, IN], "New Delhi", "2026-05"),
       event("Meeting", "Vaishnaw–Al Mazrouei meeting", [AV, SM], "Riyadh", "2026-03")])

# hF08 ---------------------------------------------------------------------------------------
D = "2026-01-20"
BD, QA = "Bangladesh", "Qatar"
PB, QE = "Petrobangla", "QatarEnergy"
RR, SK, FK = "Md Rezanur Rahman", "Saad Sherida Al-Kaabi", "Muhammad Fouzul Kabir Khan"
RPGCL = "Rupantarita Prakritik Gas Company Limited"
write("hF08.txt", D,
      [person(RR, role("Chairman", BD, "Petrobangla chairman")),
       person(SK, role("Minister of State for Energy Affairs", QA),
              role("President and CEO", QA, "CEO", "President and CEO of QatarEnergy"), aliases=["Saad Al-Kaabi"]),
       person(FK, role("Adviser for Power, Energy and Mineral Resources", BD, "Energy Adviser")),
       person("Muhammad Yunus", role("Chief Adviser", BD)),
       person("Tamim bin Hamad Al Thani", role("Emir", QA, "Amir"), aliases=["Sheikh Tamim bin Hamad Al Thani"])],
      [state(BD), state(QA), state("India", actor=False), state("Pakistan", actor=False), state("Oman", actor=False),
       state("Japan", actor=False)],
      [org(PB, BD, ["Bangladesh Oil, Gas and Mineral Corporation"]),
       org(QE, QA),
       org("RasGas", QA),
       org("Excelerate Energy", None, ["Excelerate"]),
       org("Summit Group", None, ["Summit"]),
       org(RPGCL, BD, ["RPGCL"]),
       org("Japan International Cooperation Agency", "Japan", ["JICA"]),
       org("Petronet LNG", "India"),
       org("Pakistan State Oil", "Pakistan", ["PSO"]),
       org("OQ Trading", "Oman")],
      [city("Doha", QA), city("Dhaka", BD)],
      [agreement("Petrobangla–QatarEnergy 15-year LNG sale and purchase agreement",
                 [["sale", "purchase"], ["spa"], ["lng"]], [PB, QE, BD, QA], "2026-01-19"),
       agreement("2017 Petrobangla–RasGas LNG sale and purchase agreement", [["2017"], ["rasgas"]], [PB, "RasGas"], "2017"),
       agreement("QatarEnergy–Petronet LNG long-term deal", [["petronet"]], [QE, "Petronet LNG"], "2024"),
       agreement("QatarEnergy–Pakistan State Oil long-term deal", [["pakistan", "state", "oil"], ["pso"]], [QE, "Pakistan State Oil"], "2016")],
      [project("Excelerate Energy's Moheshkhali FSRU", [["moheshkhali", "fsru"], ["excelerate"]], ["Excelerate Energy", BD], []),
       project("Summit LNG Terminal", [["summit", "lng"]], ["Summit Group", BD], []),
       project("Third FSRU at Moheshkhali", [["third", "fsru"]], [RPGCL, BD], []),
       project("Matarbari land-based LNG terminal", [["matarbari", "terminal"], ["land", "based", "terminal"]],
               ["Japan International Cooperation Agency", BD], []),
       project("Matarbari coal power plant", [["matarbari", "coal"]], [BD], []),
       project("Matarbari deep-sea port", [["matarbari", "port"], ["deep", "sea", "port"]], [BD], []),
       project("Hamad International Airport", [["hamad"]], [QA], ["Doha"])],
      [event("Signing", "Signing of the Petrobangla–QatarEnergy SPA", [RR, SK, PB, QE, FK], "Doha", "2026-01-19"),
       event("Visit", "Fouzul Kabir Khan visit to Qatar", [FK, BD, QA], "Doha", "2026-01"),
       event("Statement", "Khan tells reporters at Hamad International Airport", [FK], "Doha", "2026-01"),
       event("Statement", "Al-Kaabi statement", [SK], None, "2026-01"),
       event("Meeting", "Yunus–Tamim talks on the sidelines of the Doha Forum",
             ["Muhammad Yunus", "Tamim bin Hamad Al Thani", BD, QA], "Doha", "2025-12")])
