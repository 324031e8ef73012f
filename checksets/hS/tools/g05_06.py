"""Gold for hS05 (South Asia newsletter round-up) and hS06 (Gabon–Equatorial Guinea brief)."""
from common import agreement, city, event, org, person, project, role, state, write

FM = ("Minister of Foreign Affairs", "Foreign Affairs Minister", "FM")

# hS05 ---------------------------------------------------------------------------------------
D = "2025-11-20"
TUE, WED, MON = "2025-11-18", "2025-11-19", "2025-11-17"
BD, PK, LK, UAE = "Bangladesh", "Pakistan", "Sri Lanka", "United Arab Emirates"
write("hS05.txt", D,
      [person("Ali Pervaiz Malik", role("Federal Minister for Petroleum", PK, "Minister for Petroleum", "Petroleum Minister")),
       person("Salehuddin Ahmed", role("Finance Adviser", BD, "Adviser for Finance")),
       person("Sk Bashir Uddin", role("Commerce Adviser", BD, "Adviser for Commerce"), aliases=["Sheikh Bashir Uddin"]),
       person("Muhammad Yunus", role("Chief Adviser", BD)),
       person("Kumara Jayakody", role("Minister of Energy", LK, "Energy Minister")),
       person("Santosh Jha", role("High Commissioner", "India", "High Commissioner to Sri Lanka", "Indian High Commissioner")),
       person("Narendra Modi", role("Prime Minister", "India", "PM")),
       person("Anura Kumara Dissanayake", role("President", LK)),
       person("Shehbaz Sharif", role("Prime Minister", PK, "PM"), aliases=["Shahbaz Sharif"]),
       person("Jigme Khesar Namgyel Wangchuck", role("King", "Bhutan", "King of Bhutan"))],
      [state(PK), state(BD), state("India"), state(LK), state(UAE), state("Bhutan"), state("Maldives")],
      [org("Pakistan National Shipping Corporation", PK, ["PNSC"]),
       org("Ceylon Electricity Board", LK, ["CEB"]),
       org("Trincomalee Power Company Limited", LK, ["TPCL", "Trincomalee Power Company"]),
       org("NTPC", "India", ["NTPC Limited"]),
       org("Royal Office for Media", "Bhutan"),
       org("SAARC Development Fund", None, ["SDF"])],
      [city("Dhaka", BD), city("Karachi", PK), city("Delhi", "India"), city("Colombo", LK), city("Trincomalee", LK),
       city("Islamabad", PK), city("Thimphu", "Bhutan"), city("Malé", "Maldives"), city("Addu", "Maldives")],
      # Counted set plus the one MoU it names (policy: several documents).
      [agreement("Seven Pakistan–Bangladesh memorandums of understanding", [["seven", "memorand"], ["seven", "mous"]], [PK, BD], TUE),
       agreement("Karachi–Chattogram direct shipping MoU", [["shipping"], ["karachi", "chattogram"]], [PK, BD], TUE),
       agreement("1974 Delhi tripartite agreement", [["1974"], ["delhi", "agreement"], ["tripartite", "delhi"]], ["India", PK, BD], "1974-04"),
       agreement("Sampur solar tariff deal", [["tariff"], ["sampur"]], ["Ceylon Electricity Board", "Trincomalee Power Company Limited"], "2025-11"),
       agreement("Trincomalee energy hub memorandum", [["energy", "hub"], ["trincomalee"]], ["India", LK, UAE], "2025-04")],
      [project("Karachi–Chattogram direct cargo service", [["shipping", "service"], ["cargo", "service"], ["direct", "shipping"]],
               ["Pakistan National Shipping Corporation", PK, BD], ["Karachi"]),
       project("Karachi Port", [["karachi", "port"]], [PK], ["Karachi"]),
       project("Chattogram Port", [["chattogram", "port"], ["chittagong", "port"]], [BD], [BD]),
       project("Sampur solar power plant", [["sampur"]], ["Ceylon Electricity Board", "Trincomalee Power Company Limited", "NTPC", LK, "India"], ["Trincomalee"]),
       project("Trincomalee energy hub", [["energy", "hub"]], ["India", LK, UAE], ["Trincomalee"]),
       project("Dorjilung hydropower project", [["dorjilung"]], ["Bhutan"], ["Bhutan"]),
       project("Addu water and sewerage project", [["addu"], ["sewerage"]], ["Maldives", "SAARC Development Fund"], ["Addu"])],
      [event("Visit", "Malik visit to Bangladesh", ["Ali Pervaiz Malik", PK, BD], "Dhaka", TUE),
       event("Meeting", "Ninth Pakistan–Bangladesh Joint Economic Commission", ["Ali Pervaiz Malik", "Salehuddin Ahmed", PK, BD], "Dhaka", TUE),
       event("Signing", "Signing of seven MoUs", ["Ali Pervaiz Malik", "Salehuddin Ahmed", PK, BD], "Dhaka", TUE),
       event("Statement", "Bashir Uddin remarks to reporters", ["Sk Bashir Uddin"], "Dhaka", TUE),
       event("Meeting", "Yunus receives Malik", ["Muhammad Yunus", "Ali Pervaiz Malik"], "Dhaka", WED),
       event("Statement", "Jayakody statement on the Sampur tariff", ["Kumara Jayakody"], None, MON),
       event("Statement", "Jha remarks to reporters", ["Santosh Jha"], "Colombo", TUE),
       event("Consultation", "Sharif–Dissanayake phone call", ["Shehbaz Sharif", "Anura Kumara Dissanayake"], None, MON),
       event("Visit", "Planned state visit of King Jigme Khesar to Bangladesh", ["Jigme Khesar Namgyel Wangchuck", "Bhutan", BD], BD, "2026-01")])

# hS06 ---------------------------------------------------------------------------------------
D, WED = "2025-06-26", "2025-06-25"
GQ = "Equatorial Guinea"
write("hS06.txt", D,
      [person("Brice Clotaire Oligui Nguema", role("President", "Gabon")),
       person("Teodoro Obiang Nguema Mbasogo", role("President", GQ)),
       person("Teodoro Nguema Obiang Mangue", role("Vice-President", GQ, "Vice President")),
       person("Gilberto da Piedade Verissimo", role("President of the Commission", None, "President of the ECCAS Commission",
                                                    "President of the Commission of the Economic Community of Central African States"))],
      # France and Spain are parties to the 1900 convention the court applied (parties to past treaties are actors).
      [state("Gabon"), state(GQ), state("France"), state("Spain")],
      [org("International Court of Justice", None, ["ICJ"]),
       org("Economic Community of Central African States", None, ["ECCAS"])],
      [city("Malabo", GQ), city("Libreville", "Gabon")],
      [agreement("Protocol on the joint border demarcation commission", [["border", "commission"], ["demarcation"], ["protocol", "commission"]],
                 ["Gabon", GQ], WED),
       agreement("1900 Paris convention", [["1900"], ["paris", "convention"]], ["France", "Spain"], "1900")],
      [],
      [event("Visit", "Oligui Nguema visit to Equatorial Guinea", ["Brice Clotaire Oligui Nguema", "Gabon", GQ], "Malabo", WED),
       event("Meeting", "Oligui Nguema–Obiang talks", ["Brice Clotaire Oligui Nguema", "Teodoro Obiang Nguema Mbasogo"], "Malabo", WED),
       event("Signing", "Signing of the border commission protocol", ["Gabon", GQ], "Malabo", WED),
       event("Statement", "Verissimo post on X", ["Gilberto da Piedade Verissimo", "Economic Community of Central African States"], None, "2025-06"),
       event("Meeting", "Planned first session of the border commission", ["Gabon", GQ], "Libreville", "2025-09")])
