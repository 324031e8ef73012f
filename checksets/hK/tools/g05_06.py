"""Gold for hK05 (Northeast Asia newsletter round-up) and hK06 (Pakistan–China ML-1 brief)."""
from common import agreement, city, event, org, person, project, role, state, write

FM = ("Minister of Foreign Affairs", "Foreign Affairs Minister", "FM")

# hK05 ---------------------------------------------------------------------------------------
D = "2025-03-24"
JP, CN, KR = "Japan", "China", "South Korea"
TCS = "Trilateral Cooperation Secretariat"
write("hK05.txt", D,
      [person("Takeshi Iwaya", role("Foreign Minister", JP, *FM)),
       person("Wang Yi", role("Foreign Minister", CN, *FM)),
       person("Cho Tae-yul", role("Foreign Minister", KR, *FM)),
       person("Lee Hee-sup", role("Secretary-General", None, "Secretary-General of the Trilateral Cooperation Secretariat", "TCS Secretary-General")),
       person("Shigeru Ishiba", role("Prime Minister", JP, "PM")),
       person("Wang Wentao", role("Minister of Commerce", CN, "Commerce Minister")),
       person("Yoji Muto", role("Minister of Economy, Trade and Industry", JP, "METI Minister", "Economy Minister")),
       person("He Lifeng", role("Vice Premier", CN))],
      [state(JP), state(CN), state(KR), state("Mongolia", actor=False)],
      [org(TCS, None, ["TCS"]),
       org("Tokyo Electric Power Company", JP, ["TEPCO", "Tokyo Electric Power Company Holdings"]),
       org("International Atomic Energy Agency", None, ["IAEA"]),
       org("Ministry of Economy, Trade and Industry", JP, ["METI"]),
       org("Japan Bank for International Cooperation", JP, ["JBIC"]),
       org("Korea Development Bank", KR, ["KDB"])],
      [city("Tokyo", JP), city("Seoul", KR), city("Geoje", KR), city("Tianjin", CN)],
      [agreement("2024 Seoul trilateral summit joint declaration", [["joint", "declaration"], ["seoul", "declaration"]], [JP, CN, KR], "2024-05"),
       agreement("Japan–China deal on resuming beef imports", [["beef"]], [JP, CN], "2025-03-22"),
       agreement("Japan–China deal on additional monitoring of the treated-water discharge", [["monitoring"], ["seafood"], ["treated", "water"]], [JP, CN], "2024-09")],
      [project("Fukushima Daiichi treated-water release", [["fukushima"], ["treated", "water"]], ["Tokyo Electric Power Company", JP]),
       project("Shenlan 1 and Shenlan 2 aquaculture platforms", [["shenlan"], ["aquaculture", "platforms"]], [CN]),
       project("LNG carrier order in Geoje", [["lng", "carrier"]], ["Japan Bank for International Cooperation", "Korea Development Bank"], ["Geoje"]),
       project("Mongolia rail link to Tianjin port", [["tianjin"], ["rail", "link"]], ["Mongolia"], ["Tianjin"])],
      [event("Meeting", "Japan–China–South Korea foreign ministers' meeting", ["Takeshi Iwaya", "Wang Yi", "Cho Tae-yul", "Lee Hee-sup", JP, CN, KR], "Tokyo", "2025-03-22"),
       event("PressConference", "Trilateral joint press conference", ["Takeshi Iwaya", "Wang Yi", "Cho Tae-yul"], "Tokyo", "2025-03-22"),
       event("Statement", "TCS post on X", [TCS], None, "2025-03-23"),
       event("Meeting", "Ishiba receives Wang and Cho", ["Shigeru Ishiba", "Wang Yi", "Cho Tae-yul"], "Tokyo", "2025-03-23"),
       event("Meeting", "Sixth Japan–China High-Level Economic Dialogue", ["Takeshi Iwaya", "Wang Yi", JP, CN], "Tokyo", "2025-03-22"),
       event("Consultation", "Wang Wentao–Muto phone call", ["Wang Wentao", "Yoji Muto"], None, "2025-03-20"),
       event("Meeting", "Cho–Wang meeting on the sidelines", ["Cho Tae-yul", "Wang Yi"], "Tokyo", "2025-03-22"),
       event("Consultation", "Korea–China maritime affairs dialogue (planned)", [KR, CN], None, "2025-04"),
       event("Statement", "Cho remarks to Korean reporters", ["Cho Tae-yul"], None, "2025-03-23"),
       event("Meeting", "Next Japan–China–South Korea summit (planned)", [JP, CN, KR], JP, None),
       event("Visit", "He Lifeng visit to Japan (planned)", ["He Lifeng", CN, JP], "Tokyo", "2025-05"),
       event("Meeting", "Japan–China financial dialogue (planned)", ["He Lifeng", CN, JP], "Tokyo", "2025-05")])

# hK06 ---------------------------------------------------------------------------------------
D = "2024-11-21"
PK = "Pakistan"
write("hK06.txt", D,
      [person("Ahsan Iqbal", role("Federal Minister for Planning, Development and Special Initiatives", PK,
                                  "Minister for Planning, Development and Special Initiatives", "Planning Minister", "Federal Minister")),
       person("Jiang Zaidong", role("Ambassador", CN, "Chinese Ambassador", "Ambassador to Pakistan"))],
      [state(PK), state(CN)],
      [org("Asian Development Bank", None, ["ADB"])],
      [city("Islamabad", PK), city("Karachi", PK), city("Rohri", PK), city("Beijing", CN)],
      [agreement("Framework agreement on financing the ML-1 Karachi–Rohri section", [["karachi", "rohri"], ["financing", "framework"], ["ml", "financing"]], [PK, CN], "2024-11-20"),
       agreement("2017 ML-1 framework agreement", [["2017"], ["ml", "framework"], ["main", "line", "framework"]], [PK, CN], "2017-05")],
      [project("Karachi–Rohri section of ML-1", [["karachi", "rohri"]], [PK, CN], ["Karachi", "Rohri"]),
       project("Main Line-1 railway upgrade", [["ml", "1"], ["main", "line"]], [PK, CN]),
       project("China-Pakistan Economic Corridor", [["cpec"], ["china", "pakistan", "economic", "corridor"]], [PK, CN])],
      [event("Signing", "Signing of the ML-1 Karachi–Rohri financing framework", ["Ahsan Iqbal", "Jiang Zaidong", PK, CN], "Islamabad", "2024-11-20"),
       event("Statement", "Iqbal remarks to reporters", ["Ahsan Iqbal"], "Islamabad", "2024-11-20"),
       event("Meeting", "14th CPEC Joint Cooperation Committee meeting (planned)", [PK, CN], "Beijing", "2024-12")])
