"""Gold for hJ01 (Armenia–Georgia wire) and hJ02 (Japan–Bangladesh embassy release)."""
from common import agreement, city, event, org, person, project, role, state, write

FM = ("Minister of Foreign Affairs", "Foreign Affairs Minister", "FM")
PM = ("PM",)

# hJ01 ---------------------------------------------------------------------------------------
D = "2024-09-18"
AM, GE = "Armenia", "Georgia"
HVEN, GSE, KFW, EIB = "High Voltage Electric Networks", "Georgian State Electrosystem", "KfW", "European Investment Bank"
write("hJ01.txt", D,
      [person("Mher Grigoryan", role("Deputy Prime Minister", AM, "Deputy PM")),
       # Two posts, both before the name.
       person("Levan Davitashvili", role("First Vice Prime Minister", GE, "First Vice Premier", "First Deputy Prime Minister"),
              role("Minister of Economy and Sustainable Development", GE, "Economy Minister")),
       person("Irakli Kobakhidze", role("Prime Minister", GE, *PM)),
       person("Nikol Pashinyan", role("Prime Minister", AM, *PM)),
       # "then prime minister": a former post is kept.
       person("Irakli Garibashvili", role("Prime Minister", GE, *PM)),
       person("Ararat Mirzoyan", role("Foreign Minister", AM, *FM))],
      [state(AM), state(GE), state("Türkiye", actor=False, aliases=["Turkey", "Republic of Türkiye"]),
       state("Azerbaijan", actor=False), state("Germany", actor=False), state("China", actor=False), state("Kazakhstan", actor=False)],
      [org(HVEN, AM),
       org(GSE, GE, ["GSE"]),
       org(KFW, "Germany", ["KfW Development Bank"]),
       org(EIB, None, ["EIB"]),
       org("Georgian Railway", GE),
       # Run by a Russian company, but the text names no state for it.
       org("South Caucasus Railway", None)],
      [city("Tbilisi", GE), city("Yerevan", AM), city("Ayrum", AM), city("Sadakhlo", GE), city("Bagratashen", AM)],
      [agreement("Armenia–Georgia intergovernmental agreement on the 400 kV power interconnection",
                 [["interconnection"], ["400"], ["power", "line"]], [AM, GE], D),
       agreement("Protocol on expanding the Bagratashen–Sadakhlo border crossing",
                 [["sadakhlo"], ["bagratashen"], ["border", "protocol"]], [AM, GE], D),
       agreement("Armenia–Georgia declaration on strategic partnership", [["strategic", "partnership"]], [AM, GE], "2024-01"),
       agreement("1993 Armenia–Georgia treaty on friendship, cooperation and mutual security",
                 [["friendship"], ["1993"], ["mutual", "security"]], [AM, GE], "1993")],
      [project("Armenia–Georgia 400 kV power interconnection", [["interconnection"], ["400"], ["power", "line"], ["transmission"]],
               [AM, GE, HVEN, GSE, KFW, EIB], ["Ayrum"]),
       project("Bagratashen–Sadakhlo border crossing expansion", [["sadakhlo"], ["bagratashen"]], [AM, GE], ["Sadakhlo", "Bagratashen"]),
       # The route's states, as the text lists them.
       project("Middle Corridor", [["middle", "corridor"]], [GE, "Kazakhstan", "Azerbaijan", "Türkiye"]),
       project("Crossroads of Peace", [["crossroads", "peace"]], [AM])],
      [event("Visit", "Grigoryan visit to Georgia", ["Mher Grigoryan", AM, GE], "Tbilisi", "2024-09-17"),
       event("Meeting", "12th session of the Armenian-Georgian intergovernmental commission",
             ["Mher Grigoryan", "Levan Davitashvili", AM, GE], "Tbilisi", "2024-09-17"),
       event("Signing", "Signing of the interconnection agreement and the border-crossing protocol",
             ["Mher Grigoryan", "Levan Davitashvili", AM, GE], "Tbilisi", D),
       event("Statement", "Grigoryan remarks to reporters", ["Mher Grigoryan"], "Tbilisi", D),
       event("Meeting", "Kobakhidze receives Grigoryan", ["Irakli Kobakhidze", "Mher Grigoryan"], "Tbilisi", D),
       event("Statement", "Georgian government statement on the Kobakhidze–Grigoryan meeting", [GE], None, D),
       event("Consultation", "Pashinyan–Kobakhidze phone call", ["Nikol Pashinyan", "Irakli Kobakhidze"], None, "2024-09-16"),
       event("Statement", "Mirzoyan post on X", ["Ararat Mirzoyan"], None, "2024-09"),
       event("Visit", "Kobakhidze visit to Armenia (planned)", ["Irakli Kobakhidze", GE, AM], "Yerevan", "2024-10"),
       event("Meeting", "13th session of the intergovernmental commission (planned)", [AM, GE], "Yerevan", "2025")])

# hJ02 ---------------------------------------------------------------------------------------
D = "2025-04-22"
JP, BD = "Japan", "Bangladesh"
JICA, ERD = "Japan International Cooperation Agency", "Economic Relations Division"
write("hJ02.txt", D,
      [person("Saida Shinichi", role("Ambassador", JP, "Ambassador of Japan to Bangladesh", "Ambassador to Bangladesh"),
              aliases=["Shinichi Saida"]),
       person("Md. Shahriar Kader Siddiky", role("Secretary", BD, "Secretary, Economic Relations Division", "ERD Secretary",
                                                 "Secretary of the Economic Relations Division"),
              aliases=["Shahriar Kader Siddiky", "Md Shahriar Kader Siddiky"]),
       person("Ichiguchi Tomohide", role("Chief Representative", JP, "Chief Representative of JICA Bangladesh Office",
                                         "JICA Chief Representative"), aliases=["Tomohide Ichiguchi"]),
       person("Muhammad Yunus", role("Chief Adviser", BD, "Chief Adviser of the Interim Government", "Chief Advisor"),
              aliases=["Professor Muhammad Yunus"]),
       person("Shigeru Ishiba", role("Prime Minister", JP, "PM"), aliases=["Ishiba Shigeru"]),
       person("Sheikh Hasina", role("Prime Minister", BD, "PM"), aliases=["Sheikh Hasina Wazed"])],
      [state(JP), state(BD)],
      [org(ERD, BD, ["ERD", "Economic Relations Division of the Ministry of Finance"]),
       org("Ministry of Finance of Bangladesh", BD, ["Ministry of Finance"]),
       org(JICA, JP, ["JICA"]),
       org("Bangladesh Coast Guard", BD),
       org("Japan External Trade Organization", JP, ["JETRO"]),
       org("Bangladesh Investment Development Authority", BD, ["BIDA"]),
       org("Mitsubishi Corporation", JP)],
      [city("Dhaka", BD), city("Tokyo", JP), city("Hemayetpur", BD), city("Bhatara", BD), city("Matarbari", BD),
       city("Cox's Bazar", BD), city("Tangail", BD), city("Sirajganj", BD)],
      [agreement("Exchange of notes on Japanese ODA loans of up to 150.2 billion yen", [["exchange", "notes", "loan"], ["150"], ["oda", "loan"]], [JP, BD], D),
       agreement("Loan agreement for Dhaka MRT Line 5 (Northern Route), second tranche", [["line", "5"], ["mass", "rapid"], ["mrt"]], [JICA, BD], D),
       agreement("Loan agreement for the Matarbari Port Development Project, third tranche", [["matarbari", "port"]], [JICA, BD], D),
       agreement("Loan agreement for the Jamuna Railway Bridge approach lines and signalling", [["approach", "lines"], ["signalling"]], [JICA, BD], D),
       agreement("Exchange of notes on a 1.8 billion yen grant under the Economic and Social Development Programme",
                 [["grant"], ["economic", "social", "development"], ["1", "8", "billion"]], [JP, BD], D)],
      [project("Dhaka MRT Line 5 (Northern Route)", [["line", "5"], ["mass", "rapid", "transit"], ["mrt"]], [JICA, JP, BD],
               ["Dhaka", "Hemayetpur", "Bhatara"]),
       project("Matarbari Port Development Project", [["matarbari", "port"], ["deep", "sea", "port"]], [JICA, JP, BD], ["Matarbari", "Cox's Bazar"]),
       project("Jamuna Railway Bridge Approach Lines and Signalling Improvement Project", [["approach", "lines"], ["signalling"]], [JICA, JP, BD],
               ["Tangail", "Sirajganj"]),
       project("Jamuna Railway Bridge", [["jamuna", "bridge"]], [JP, BD], ["Tangail", "Sirajganj"]),
       project("Matarbari coal-fired power plant", [["matarbari", "power"], ["coal"]], [JP, BD], ["Matarbari"]),
       project("Hazrat Shahjalal International Airport third terminal", [["third", "terminal"], ["shahjalal"]],
               [JP, BD, "Mitsubishi Corporation"], ["Dhaka"]),
       project("Bay of Bengal Industrial Growth Belt", [["big", "b"], ["industrial", "growth", "belt"]], [JP, BD]),
       project("Coast guard patrol equipment under the Economic and Social Development Programme",
               [["patrol", "equipment"], ["economic", "social", "development"]], [JP, BD, "Bangladesh Coast Guard"])],
      [event("Signing", "Exchange of notes and signing of three JICA loan agreements",
             ["Saida Shinichi", "Md. Shahriar Kader Siddiky", "Ichiguchi Tomohide", JICA, ERD, JP, BD], "Dhaka", D),
       event("Meeting", "Saida courtesy call on Chief Adviser Yunus", ["Saida Shinichi", "Muhammad Yunus"], "Dhaka", "2025-04-20"),
       event("Visit", "Yunus visit to Japan (planned)", ["Muhammad Yunus", BD, JP], "Tokyo", "2025-05"),
       event("Meeting", "Nikkei Forum Future of Asia (planned)", ["Muhammad Yunus"], "Tokyo", "2025-05"),
       event("Meeting", "Yunus–Ishiba meeting (planned)", ["Muhammad Yunus", "Shigeru Ishiba"], "Tokyo", "2025-05")])
