"""Gold for hS03 (Lesotho water interview) and hS04 (Arab League summit live blog)."""
from common import agreement, city, event, org, person, project, role, state, write

FM = ("Minister of Foreign Affairs", "Foreign Affairs Minister", "FM")

# hS03 ---------------------------------------------------------------------------------------
D = "2025-04-09"
SA = "South Africa"
write("hS03.txt", D,
      [person("Mohlomi Moleko", role("Minister of Natural Resources", "Lesotho", "Natural Resources Minister", "water minister")),
       person("Pemmy Majodina", role("Minister of Water and Sanitation", SA, "Water and Sanitation Minister")),
       person("Sam Matekane", role("Prime Minister", "Lesotho", "PM"), aliases=["Samuel Matekane", "Ntsokoane Samuel Matekane"]),
       person("Cyril Ramaphosa", role("President", SA)),
       person("Tente Tente", role("Chief Executive", "Lesotho", "Chief Executive of the LHDA", "CEO")),
       person("Letsie III", role("King", "Lesotho", "His Majesty"), aliases=["King Letsie III"])],
      [state("Lesotho"), state(SA),
       # Named only inside a planned project's name.
       state("Botswana", actor=False)],
      [org("Lesotho Highlands Development Authority", "Lesotho", ["LHDA"]),
       org("Trans-Caledon Tunnel Authority", SA, ["TCTA"]),
       org("Eskom", SA),
       org("Development Bank of Southern Africa", SA, ["DBSA"]),
       org("Lesotho Highlands Water Commission", None, ["LHWC"])],
      [city("Maseru", "Lesotho"), city("Pretoria", SA)],
      [agreement("Phase II royalty addendum", [["addendum"], ["royalt"]], ["Lesotho", SA], "2025-03-14"),
       agreement("Tunnel cost-overrun sharing deal", [["cost", "overrun"], ["cost", "shar"]], ["Lesotho", SA], "2025-02"),
       agreement("LHWP Phase II Agreement", [["phase", "ii"], ["phase", "2"], ["2011"]], ["Lesotho", SA], "2011-08"),
       agreement("1986 Lesotho Highlands Water Project Treaty", [["1986"], ["treaty", "lesotho"], ["treaty", "highlands"]], ["Lesotho", SA], "1986")],
      [project("Lesotho Highlands Water Project", [["lesotho", "highlands"], ["lhwp"]],
               ["Lesotho", SA, "Lesotho Highlands Development Authority", "Trans-Caledon Tunnel Authority"], ["Lesotho"]),
       project("Polihali Dam", [["polihali", "dam"]], ["Lesotho", SA, "Lesotho Highlands Development Authority"], ["Lesotho"]),
       project("Polihali–Katse transfer tunnel", [["transfer", "tunnel"], ["katse"]], ["Lesotho", SA, "Lesotho Highlands Development Authority"], ["Lesotho"]),
       project("Kobong pumped-storage scheme", [["kobong"]], ["Lesotho"], ["Lesotho"]),
       project("Lesotho–Botswana water transfer", [["botswana", "water"], ["lesotho", "botswana"]], ["Lesotho", "Botswana"], ["Lesotho", "Botswana"])],
      [event("Statement", "Moleko interview with the Highveld Review", ["Mohlomi Moleko"], "Maseru", "2025-04-07"),
       event("Visit", "Majodina in Maseru for the addendum signing", ["Pemmy Majodina", SA, "Lesotho"], "Maseru", "2025-03-14"),
       event("Signing", "Signing of the Phase II royalty addendum", ["Mohlomi Moleko", "Pemmy Majodina", "Lesotho", SA], "Maseru", "2025-03-14"),
       event("Consultation", "Matekane–Ramaphosa phone call", ["Sam Matekane", "Cyril Ramaphosa"], None, "2025-04-03"),
       event("Visit", "Planned Ramaphosa visit to Polihali", ["Cyril Ramaphosa", SA, "Lesotho"], "Lesotho", "2025"),
       event("Meeting", "Planned Lesotho Highlands Water Commission meeting", ["Tente Tente", "Lesotho Highlands Water Commission"], "Pretoria", "2025-05")])
