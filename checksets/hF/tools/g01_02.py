"""Gold for hF01 (Thailand–Laos wire from Vientiane) and hF02 (Brunei–Malaysia Annual Leaders' Consultation release)."""
from common import agreement, city, event, org, person, project, role, state, write

FM = ("Minister of Foreign Affairs", "FM")

# hF01 ---------------------------------------------------------------------------------------
D = "2025-11-12"
TH, LA, CN = "Thailand", "Laos", "China"
EGAT = "Electricity Generating Authority of Thailand"
EDL = "Electricité du Laos"
NEDA = "Neighbouring Countries Economic Development Cooperation Agency"
write("hF01.txt", D,
      [person("Anutin Charnvirakul", role("Prime Minister", TH, "PM")),
       person("Sonexay Siphandone", role("Prime Minister", LA, "PM")),
       person("Sihasak Phuangketkeow", role("Foreign Minister", TH, *FM)),
       person("Thongsavanh Phomvihane", role("Foreign Minister", LA, *FM)),
       person("Thepparat Theppitak", role("Governor", TH, "EGAT governor")),
       person("Thongloun Sisoulith", role("President", LA))],
      [state(TH), state(LA), state(CN, actor=False)],
      [org(EGAT, TH, ["EGAT"]),
       org(EDL, LA, ["EDL", "Electricite du Laos"]),
       org(NEDA, TH, ["NEDA"]),
       org("Energy Regulatory Commission", TH)],
      [city("Vientiane", LA), city("Paksan", LA), city("Luang Prabang", LA), city("Bangkok", TH),
       city("Kunming", CN), city("Boten", LA)],
      [agreement("Protocol on customs and immigration at the Fifth Thai-Lao Friendship Bridge",
                 [["protocol"], ["customs", "immigration"]], [TH, LA], D),
       agreement("EGAT–EDL deal on revised power export tariffs", [["tariffs"], ["tariff"]], [EGAT, EDL], D),
       agreement("2013 Thailand–Laos power purchase memorandum of understanding",
                 [["memorandum"], ["power", "purchase"], ["9000"], ["9,000"]], [TH, LA], "2013")],
      [project("Fifth Thai-Lao Friendship Bridge", [["fifth", "friendship", "bridge"], ["friendship", "bridge"]],
               [TH, LA, NEDA], ["Paksan"]),
       project("Lao approach roads to the Fifth Friendship Bridge", [["approach", "roads"]], [NEDA, LA], []),
       project("Nam Theun 2 hydropower plant", [["nam", "theun"]], [EDL, EGAT, LA], []),
       project("Xayaburi hydropower plant", [["xayaburi"]], [EDL, EGAT, LA], []),
       project("Laos-China Railway", [["laos", "china", "railway"]], [LA, CN], ["Vientiane", "Boten", "Kunming"]),
       project("Boten-Vientiane corridor", [["boten", "vientiane", "corridor"], ["boten", "corridor"]], [LA], ["Boten", "Vientiane"])],
      [event("Visit", "Anutin official visit to Laos", ["Anutin Charnvirakul", TH, LA], "Vientiane", D),
       event("Meeting", "Anutin–Sonexay talks", ["Anutin Charnvirakul", "Sonexay Siphandone", TH, LA], "Vientiane", D),
       event("Signing", "Signing of the bridge protocol", ["Sihasak Phuangketkeow", "Thongsavanh Phomvihane", TH, LA], "Vientiane", D),
       event("Statement", "Anutin tells reporters", ["Anutin Charnvirakul"], "Vientiane", D),
       event("Statement", "Thailand–Laos joint press statement", [TH, LA], None, D),
       event("PressConference", "Anutin–Sonexay joint news conference", ["Sonexay Siphandone", "Anutin Charnvirakul"], "Vientiane", D),
       event("Meeting", "Anutin calls on Thongloun (planned)", ["Anutin Charnvirakul", "Thongloun Sisoulith"], "Luang Prabang", "2025-11-13"),
       event("Meeting", "Thai-Lao Joint Commission meeting (planned)",
             [TH, LA, "Sihasak Phuangketkeow", "Thongsavanh Phomvihane"], "Bangkok", "2026")])

# hF02 ---------------------------------------------------------------------------------------
D = "2025-08-11"
BN, MY = "Brunei", "Malaysia"
BPC, SEB = "Brunei Power Company", "Sarawak Energy"
HB, AI = "Hassanal Bolkiah", "Anwar Ibrahim"
SIGNERS = ["Badaruddin Othman", "Tengku Zafrul Aziz", "Erywan Yusof", "Mohamad Hasan"]
write("hF02.txt", D,
      [person(HB, role("Sultan", BN, "Sultan and Yang Di-Pertuan"),
              aliases=["Haji Hassanal Bolkiah Mu'izzaddin Waddaulah", "Hassanal Bolkiah Mu'izzaddin Waddaulah"]),
       person(AI, role("Prime Minister", MY, "PM"), aliases=["Anwar bin Ibrahim"]),
       person("Badaruddin Othman", role("Minister of Religious Affairs", BN),
              aliases=["Awang Haji Awang Badaruddin bin Pengarah Dato Paduka Awang Haji Othman"]),
       person("Tengku Zafrul Aziz", role("Minister of Investment, Trade and Industry", MY, "MITI Minister")),
       person("Erywan Yusof", role("Minister of Foreign Affairs II", BN, "Second Minister of Foreign Affairs"),
              aliases=["Awang Haji Erywan bin Pehin Datu Pekerma Jaya Haji Mohd Yusof"]),
       person("Mohamad Hasan", role("Foreign Minister", MY, *FM), aliases=["Haji Mohamad bin Haji Hasan"]),
       person("Al-Muhtadee Billah", role("Crown Prince", BN),
              role("Senior Minister", BN, "Senior Minister at the Prime Minister's Office"),
              aliases=["Haji Al-Muhtadee Billah"])],
      [state(BN, aliases=["Brunei Darussalam", "Nation of Brunei, Abode of Peace"]), state(MY)],
      [org("Prime Minister's Office of Brunei", BN, ["Prime Minister's Office"]),
       org(BPC, BN),
       org(SEB, MY, ["Sarawak Energy Berhad"]),
       org("Malaysian Maritime Enforcement Agency", MY, ["MMEA"])],
      [city("Bandar Seri Begawan", BN)],
      [agreement("2009 Exchange of Letters on the Commercial Arrangement Area", [["exchange", "letters"]], [BN, MY], "2009"),
       agreement("Brunei Power Company–Sarawak Energy power exchange agreement", [["power", "exchange"]], [BPC, SEB], "2025-06"),
       agreement("MoU on Cooperation in Halal Certification", [["halal"]], [BN, MY], D),
       agreement("MoU on Hydrographic Survey and Nautical Charting", [["hydrographic"], ["nautical", "charting"]], [BN, MY], D),
       agreement("Exchange of Notes on a Joint Technical Committee on the Lawas-Temburong border crossing",
                 [["exchange", "notes"], ["joint", "technical", "committee"]], [BN, MY], D)],
      [project("Commercial Arrangement Area oil and gas development", [["commercial", "arrangement", "area"], ["caa"]], [BN, MY], []),
       project("Brunei-Sarawak power interconnection", [["power", "interconnection"], ["brunei", "sarawak"]], [BPC, SEB, BN, MY], []),
       project("Pan Borneo Highway", [["pan", "borneo"]], [MY], []),
       project("Sabah-Sarawak Link Road", [["sabah", "sarawak"], ["link", "road"]], [MY], []),
       project("Lawas-Temburong border crossing", [["lawas"], ["temburong", "crossing"]], [BN, MY], []),
       project("BIMP-EAGA Vision 2035", [["bimp", "eaga"]], [BN, MY], [])],
      [event("Visit", "Anwar official visit to Brunei", [AI, MY, BN], "Bandar Seri Begawan", "2025-08-10"),
       event("Meeting", "26th Annual Leaders' Consultation", [HB, AI, BN, MY], "Bandar Seri Begawan", D),
       event("Signing", "Signing and exchange of three documents", SIGNERS + [BN, MY], "Bandar Seri Begawan", D),
       event("PressConference", "Joint press conference after the signing", [AI, HB], "Bandar Seri Begawan", D),
       event("Statement", "The Sultan's titah", [HB], "Bandar Seri Begawan", D),
       event("Meeting", "Anwar calls on the Crown Prince", [AI, "Al-Muhtadee Billah"], "Bandar Seri Begawan", "2025-08"),
       event("Meeting", "27th Annual Leaders' Consultation (planned)", [HB, AI, BN, MY], MY, "2026"),
       event("Visit", "The Sultan's visit to Malaysia for the 27th ALC (planned)", [HB, BN, MY], MY, "2026")])
