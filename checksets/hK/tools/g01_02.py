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
       org("Ministry of Foreign Affairs of Saudi Arabia", SA, ["Saudi foreign ministry"]),
       org("Syrian-Saudi Coordination Council", None, ["Syrian–Saudi Coordination Council"])],
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
       event("Meeting", "Syrian-Saudi Coordination Council first session (planned)", ["Syrian-Saudi Coordination Council", SA, SY], "Riyadh", "2025-11"),
       event("Meeting", "Saudi-Syrian Investment Forum", [SA, SY], "Damascus", "2025-07")])
