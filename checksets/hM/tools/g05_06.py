"""Gold for hM05 (North Sea energy newsletter round-up) and hM06 (Australia–Nauru media release)."""
from common import agreement, city, event, org, person, project, role, state, write

CEO = ("CEO", "Chief Executive Officer", "chief executive")

# hM05 ---------------------------------------------------------------------------------------
D = "2025-09-26"
NL, DE, BE, DK, LU = "Netherlands", "Germany", "Belgium", "Denmark", "Luxembourg"
write("hM05.txt", D,
      [person("Sophie Hermans", role("Minister of Climate and Green Growth", NL)),
       person("Katherina Reiche", role("Federal Minister for Economic Affairs and Energy", DE,
                                       "Minister for Economic Affairs and Energy", "Economy Minister")),
       person("Willemien Terpstra", role("chief executive", NL, *CEO)),
       person("Dick Schoof", role("Prime Minister", NL)),
       person("Friedrich Merz", role("Chancellor", DE)),
       person("Mathieu Bihet", role("Minister of Energy", BE, "Energy Minister")),
       person("Lars Aagaard", role("Minister for Climate, Energy and Utilities", DK)),
       person("Frédéric Dunon", role("chief executive", BE, *CEO)),
       person("Thomas Egebo", role("chief executive", DK, *CEO)),
       person("Bart De Wever", role("Prime Minister", BE)),
       # Frieden hosts the summit, but the text never gives his office.
       person("Luc Frieden"),
       person("Mette Frederiksen", role("Prime Minister", DK)),
       person("Dan Jørgensen", role("Energy Commissioner", None, "EU Energy Commissioner", "Commissioner"), aliases=["Dan Jorgensen"])],
      [state(NL), state(DE), state(BE), state(DK), state(LU),
       state("United Kingdom", actor=False, aliases=["UK"]), state("Norway", actor=False)],
      [org("Gasunie", NL), org("Elia", BE), org("Energinet", DK), org("Elia Transmission Belgium", BE),
       org("European Commission"), org("European Investment Bank"), org("TenneT", NL), org("Equinor", "Norway"),
       org("RWE", DE), org("Benelux Union", None, ["Benelux"]), org("European Union", None, ["EU"])],
      [city("Rotterdam", NL), city("Berlin", DE), city("Copenhagen", DK), city("London", "United Kingdom")],
      [agreement("Dutch–German joint declaration of intent on hydrogen networks",
                 [["declaration", "intent"], ["hydrogen"]], [NL, DE], "2025-09-23"),
       # "Reached a deal", nothing signed: an agreement without a Signing event.
       agreement("Elia–Energinet Triton Link cost-sharing deal", [["triton"], ["cost"]], ["Elia", "Energinet", BE, DK], "2025-09"),
       agreement("1944 Benelux customs convention", [["customs", "convention"], ["1944"]], [BE, NL, LU], "1944")],
      [project("Delta Rhine Corridor", [["delta", "rhine"]], [NL, DE, "Gasunie"], ["Rotterdam", NL, DE]),
       project("Triton Link", [["triton"]], ["Elia", "Energinet", BE, DK], [BE, DK]),
       project("Princess Elisabeth Island", [["princess", "elisabeth"]], ["Elia", BE], [BE]),
       project("Nautilus interconnector", [["nautilus"]], [BE, "United Kingdom"], [BE, "United Kingdom"]),
       project("Bornholm Energy Island", [["bornholm"]], [DK, DE], [DK]),
       project("Connecting Europe Facility", [["connecting", "europe"]], ["European Commission"], []),
       # Shelved, but still a delimited undertaking (hK's suspended Line D precedent).
       project("Equinor–RWE hydrogen pipeline", [["hydrogen", "pipeline"]], ["Equinor", "RWE", "Norway", DE], ["Norway", DE])],
      [event("Signing", "Hermans–Reiche hydrogen declaration signing", ["Sophie Hermans", "Katherina Reiche", NL, DE], "Rotterdam", "2025-09-23"),
       event("Visit", "Reiche in Rotterdam", ["Katherina Reiche", DE, NL], "Rotterdam", "2025-09-23"),
       event("Visit", "Schoof visit to Berlin (planned)", ["Dick Schoof", NL, DE], "Berlin", "2025-10"),
       event("Meeting", "Schoof–Merz talks (planned)", ["Dick Schoof", "Friedrich Merz"], "Berlin", "2025-10"),
       event("Meeting", "Elia–Energinet meeting on Triton Link", ["Elia", "Energinet", "Mathieu Bihet", "Lars Aagaard", BE, DK], "Copenhagen", "2025-09"),
       event("Visit", "Bihet in Copenhagen", ["Mathieu Bihet", BE, DK], "Copenhagen", "2025-09"),
       event("Statement", "Bihet and Aagaard remarks to reporters", ["Mathieu Bihet", "Lars Aagaard"], "Copenhagen", "2025-09"),
       event("Meeting", "Benelux summit", ["Bart De Wever", "Dick Schoof", "Luc Frieden", BE, NL, LU], LU, "2025-09-22"),
       event("PressConference", "Benelux joint news conference", ["Luc Frieden", "Bart De Wever", "Dick Schoof"], LU, "2025-09-22"),
       event("Consultation", "Frederiksen–Merz phone call", ["Mette Frederiksen", "Friedrich Merz"], None, "2025-09-25"),
       event("Statement", "Jørgensen post on X", ["Dan Jørgensen"], None, "2025-09")])

# hM06 ---------------------------------------------------------------------------------------
D = "2025-02-18"
AU, NR = "Australia", "Nauru"
write("hM06.txt", D,
      [person("Pat Conroy", role("Minister for International Development and the Pacific", AU, "Minister")),
       person("David Adeang", role("President", NR)),
       person("Lionel Aingimea", role("Minister for Foreign Affairs and Trade", NR, "Foreign Minister"))],
      [state(AU), state(NR)],
      [org("Asian Development Bank"), org("Bendigo Bank", AU)],
      [city("Yaren", NR), city("Canberra", AU)],
      [agreement("Exchange of notes on the Nauru International Airport runway", [["runway"], ["exchange", "notes"]], [AU, NR], D),
       # Signed in December 2024: history, with no Signing event now.
       agreement("Nauru-Australia Treaty", [["nauru", "treaty"]], [AU, NR], "2024-12")],
      [project("Nauru International Airport runway upgrade", [["runway"], ["airport"]], [AU, NR], [NR]),
       project("Aiwo port", [["aiwo"], ["port"]], [AU, "Asian Development Bank", NR], [NR])],
      [event("Signing", "Conroy–Aingimea exchange of notes", ["Pat Conroy", "Lionel Aingimea", AU, NR], "Yaren", D),
       event("Visit", "Conroy visit to Nauru", ["Pat Conroy", AU, NR], "Yaren", D),
       event("Meeting", "Conroy–Adeang meeting", ["Pat Conroy", "David Adeang"], "Yaren", D),
       # The release itself, with its attributable quotes, is the two governments' public statement.
       event("Statement", "Conroy–Adeang joint media release", ["Pat Conroy", "David Adeang"], None, D),
       event("Visit", "Adeang visit to Canberra (planned)", ["David Adeang", NR, AU], "Canberra", "2025")])
