"""Gold for hK01 (Saudi Arabia–Syria wire) and hK02 (Philippines–India DFA release)."""
from common import agreement, city, event, org, person, project, role, state, write

FM = ("Minister of Foreign Affairs", "Foreign Affairs Minister", "FM")
CEO = ("CEO", "Chief Executive Officer", "chief executive")

# hK01 ---------------------------------------------------------------------------------------
D = "2025-10-14"
SA, SY = "Saudi Arabia", "Syria"
write("hK01.txt", D,
      [person("Khalid Al-Falih", role("Minister of Investment", SA, "Investment Minister")),
       person("Mohammad Nidal al-Shaar", role("Minister of Economy and Industry", SY, "Economy Minister")),
       person("Marco Arcelli", role("Chief Executive", SA, *CEO)),
       person("Mohammad al-Bashir", role("Minister of Energy", SY, "Energy Minister")),
       person("Ahmed al-Sharaa", role("President", SY)),
       # The royal style "Prince" is no post; the office is.
       person("Faisal bin Farhan Al Saud", role("Foreign Minister", SA, *FM), aliases=["Faisal bin Farhan"]),
       person("Asaad al-Shaibani", role("Foreign Minister", SY, *FM, "counterpart"), aliases=["Asaad Hassan al-Shaibani"]),
       # Named only as the ruler who fell; the text gives him no post.
       person("Bashar al-Assad")],
      [state(SA), state(SY), state("Jordan", actor=False)],
      [org("Ministry of Economy and Industry of Syria", SY, ["Ministry of Economy and Industry"]),
       org("Ministry of Investment of Saudi Arabia", SA, ["Saudi Arabia's Ministry of Investment", "Ministry of Investment"]),
       org("ACWA Power", SA),
       org("Saudi Fund for Development", SA, ["SFD"]),
       org("Ministry of Foreign Affairs of Saudi Arabia", SA, ["Saudi foreign ministry"])],
      [city("Damascus", SY), city("Homs", SY), city("Aleppo", SY), city("Riyadh", SA)],
      [agreement("12 Saudi–Syrian agreements and memorandums of understanding", [["12", "agreements"], ["twelve"], ["agreements", "memorandums"]], [SA, SY], D),
       agreement("Homs solar plant power purchase agreement", [["solar"], ["power", "purchase"]], ["ACWA Power", SY], D),
       agreement("Memorandum on rebuilding Damascus International Airport", [["airport"]], [SA, SY], D),
       agreement("47 agreements of the Saudi-Syrian Investment Forum", [["47"], ["investment", "forum"]], [SA, SY], "2025-07")],
      [project("Homs solar plant", [["homs"], ["solar", "plant"]], ["ACWA Power", SY], ["Homs"]),
       project("Damascus International Airport rebuilding", [["damascus", "airport"]], [SA, SY], ["Damascus"])],
      [event("Visit", "Al-Falih visit to Syria", ["Khalid Al-Falih", SA, SY], "Damascus", "2025-10-13"),
       event("Signing", "Signing of 12 Saudi–Syrian agreements", ["Khalid Al-Falih", "Mohammad Nidal al-Shaar", "Marco Arcelli", "Mohammad al-Bashir", "ACWA Power", SA, SY], "Damascus", D),
       event("PressConference", "Al-Falih–al-Shaar joint news conference", ["Khalid Al-Falih", "Mohammad Nidal al-Shaar"], "Damascus", D),
       event("Meeting", "Al-Sharaa receives Al-Falih", ["Ahmed al-Sharaa", "Khalid Al-Falih"], "Damascus", D),
       event("Statement", "Saudi Ministry of Investment statement on X", ["Ministry of Investment of Saudi Arabia", SA], None, "2025-10"),
       event("Consultation", "Faisal bin Farhan–al-Shaibani phone call", ["Faisal bin Farhan Al Saud", "Asaad al-Shaibani"], None, "2025-10-13"),
       event("Statement", "Al-Shaibani remarks to reporters", ["Asaad al-Shaibani"], "Damascus", "2025-10"),
       event("Meeting", "Syrian-Saudi Coordination Council first session (planned)", [SA, SY], "Riyadh", "2025-11"),
       event("Meeting", "Saudi-Syrian Investment Forum", [SA, SY], "Damascus", "2025-07")])

# hK02 ---------------------------------------------------------------------------------------
D = "2025-02-20"
PH, IN = "Philippines", "India"
SFA = ("Foreign Affairs Secretary", "Secretary", "Foreign Secretary", "Foreign Minister")
write("hK02.txt", D,
      [person("Enrique Manalo", role("Secretary of Foreign Affairs", PH, *SFA), aliases=["Enrique A. Manalo"]),
       person("S. Jaishankar", role("External Affairs Minister", IN, "Minister of External Affairs", "EAM", "Foreign Minister", "Minister"),
              aliases=["Subrahmanyam Jaishankar"]),
       person("Christina Garcia Frasco", role("Secretary of Tourism", PH, "Tourism Secretary")),
       person("Joel Joseph S. Marciano Jr.", role("Director General", PH, "PhilSA Director General"), aliases=["Joel Joseph Marciano Jr.", "Joel Marciano"]),
       person("V. Narayanan", role("Chairman", IN, "ISRO Chairman", "Chairman of ISRO")),
       person("Ma. Theresa P. Lazaro", role("Undersecretary for Bilateral Relations and ASEAN Affairs", PH, "Undersecretary"),
              aliases=["Ma. Theresa Lazaro", "Maria Theresa Lazaro", "Theresa Lazaro"]),
       person("Ferdinand Marcos Jr.", role("President", PH), aliases=["Ferdinand R. Marcos Jr.", "Bongbong Marcos"]),
       person("Narendra Modi", role("Prime Minister", IN, "PM"))],
      [state(PH), state(IN)],
      [org("Department of Foreign Affairs of the Philippines", PH, ["Department of Foreign Affairs", "DFA"]),
       org("Philippine Space Agency", PH, ["PhilSA"]),
       org("Indian Space Research Organisation", IN, ["ISRO", "Indian Space Research Organization"]),
       org("BrahMos Aerospace", None),
       org("Philippine Navy", PH)],
      [city("Manila", PH), city("Pasay City", PH, ["Pasay"]), city("Davao City", PH, ["Davao"]), city("Bengaluru", IN, ["Bangalore"]),
       city("New Delhi", IN)],
      [agreement("Philippines–India MoU on cooperation in tourism", [["tourism"]], [PH, IN], D),
       agreement("Exchange of notes extending the visa waiver agreement for diplomatic and official passports", [["exchange", "notes"], ["visa", "extension"]], [PH, IN], D),
       agreement("Philippines–India visa waiver agreement for diplomatic and official passports", [["visa", "waiver"], ["waiver"]], [PH, IN], None),
       agreement("Philippines–India Cultural Exchange Programme 2025–2029", [["cultural", "exchange"], ["cultural", "programme"]], [PH, IN], D),
       agreement("PhilSA–ISRO MoU on the peaceful uses of outer space", [["space"], ["philsa"], ["isro"]], ["Philippine Space Agency", "Indian Space Research Organisation", PH, IN], D),
       agreement("BrahMos shore-based anti-ship missile contract", [["brahmos"], ["missile"]], [PH, "BrahMos Aerospace"], "2022-01")],
      [project("Davao satellite tracking and telemetry ground station", [["ground", "station"], ["davao"], ["telemetry"]],
               ["Philippine Space Agency", "Indian Space Research Organisation"], ["Davao City"]),
       project("Indian Quick Impact Projects in the Philippines", [["quick", "impact"]], [IN, PH])],
      [event("Visit", "Jaishankar official visit to the Philippines", ["S. Jaishankar", IN, PH], "Manila", "2025-02-19"),
       event("Meeting", "6th Philippines–India Joint Commission on Bilateral Cooperation", ["Enrique Manalo", "S. Jaishankar", PH, IN], "Pasay City", D),
       event("Signing", "Signing of four Philippines–India instruments", ["Enrique Manalo", "S. Jaishankar", "Christina Garcia Frasco", "Joel Joseph S. Marciano Jr.", "V. Narayanan",
                                                                      "Philippine Space Agency", "Indian Space Research Organisation", PH, IN], "Pasay City", D),
       event("Meeting", "Senior officials' meeting before the JCBC", ["Ma. Theresa P. Lazaro", IN], None, "2025-02-19"),
       event("Meeting", "Jaishankar courtesy call on Marcos", ["Ferdinand Marcos Jr.", "S. Jaishankar"], "Manila", D),
       event("PressConference", "Manalo–Jaishankar joint press conference", ["Enrique Manalo", "S. Jaishankar"], "Pasay City", D),
       event("Statement", "Jaishankar post on X", ["S. Jaishankar"], None, "2025-02"),
       event("Visit", "Marcos state visit to India (planned)", ["Ferdinand Marcos Jr.", PH, IN], IN, "2025"),
       event("Meeting", "7th JCBC (planned)", [PH, IN], "New Delhi", "2026")])
