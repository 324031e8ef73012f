"""Gold for hK03 (Armenia–Iran interview) and hK04 (EU–Central Asia summit live blog)."""
from common import agreement, city, event, org, person, project, role, state, write

FM = ("Minister of Foreign Affairs", "Foreign Affairs Minister", "FM")

# hK03 ---------------------------------------------------------------------------------------
D = "2025-05-28"
AM, IR = "Armenia", "Iran"
MTAI = "Ministry of Territorial Administration and Infrastructure of Armenia"
MRUD = "Ministry of Roads and Urban Development of Iran"
write("hK03.txt", D,
      [person("Davit Khudatyan", role("Minister of Territorial Administration and Infrastructure", AM, "infrastructure minister", "Minister"),
              aliases=["David Khudatyan"]),
       person("Farzaneh Sadegh", role("Minister of Roads and Urban Development", IR, "Minister"), aliases=["Farzaneh Sadegh Malvajerd"]),
       person("Abbas Aliabadi", role("Minister of Energy", IR, "energy minister", "Minister")),
       person("Nikol Pashinyan", role("Prime Minister", AM, "PM")),
       person("Masoud Pezeshkian", role("President", IR)),
       person("Mehdi Sobhani", role("Ambassador", IR, "Ambassador to Armenia")),
       person("Ararat Mirzoyan", role("Foreign Minister", AM, *FM))],
      [state(AM), state(IR)],
      [org(MTAI, AM, ["Ministry of Territorial Administration and Infrastructure"]),
       org(MRUD, IR, ["Iran's Ministry of Roads and Urban Development", "Ministry of Roads and Urban Development"]),
       org("Asian Development Bank", None, ["ADB"]),
       org("European Union", None, ["EU"]),
       org("High Voltage Electric Networks", AM, ["HVEN"]),
       org("Tavanir", IR),
       org("National Iranian Gas Company", IR, ["NIGC"]),
       org("Eurasian Economic Union", None, ["EAEU"])],
      [city("Yerevan", AM), city("Tehran", IR), city("Meghri", AM), city("Nurduz", IR), city("Agarak", AM), city("Kajaran", AM)],
      [agreement("Meghri–Nurduz bridge protocol", [["bridge", "protocol"], ["meghri"], ["nurduz"], ["aras"]], [MTAI, MRUD, AM, IR], "2025-05-21"),
       agreement("Agarak–Kajaran road section contract", [["agarak"], ["kajaran"]], [AM], "2023"),
       agreement("Gas-for-electricity swap volume deal", [["gas", "electricity"], ["swap"]], ["National Iranian Gas Company", AM], "2025-04"),
       agreement("2004 Iran–Armenia intergovernmental gas pipeline agreement", [["2004"], ["gas", "pipeline"]], [AM, IR], "2004")],
      [project("Second Meghri–Nurduz road bridge over the Aras", [["bridge"], ["meghri"], ["nurduz"]], [AM, IR, MTAI, MRUD], ["Meghri", "Nurduz"]),
       project("North-South Road Corridor", [["north", "south", "road"], ["north", "south", "corridor"]], [AM, "Asian Development Bank", "European Union"]),
       project("Agarak–Kajaran section of the North-South road", [["agarak"], ["kajaran"]], [AM], ["Agarak", "Kajaran"]),
       project("Third Iran–Armenia 400 kV power line", [["power", "line"], ["400"], ["transmission"]], ["High Voltage Electric Networks", "Tavanir", AM, IR]),
       project("Iran–Armenia gas pipeline", [["gas", "pipeline"]], [AM, IR]),
       project("Crossroads of Peace", [["crossroads"]], [AM]),
       project("Meghri free economic zone", [["free", "economic", "zone"], ["meghri", "zone"]], [AM], ["Meghri"])],
      [event("Visit", "Khudatyan visit to Iran", ["Davit Khudatyan", AM, IR], "Tehran", "2025-05-20"),
       event("Meeting", "Khudatyan–Sadegh talks", ["Davit Khudatyan", "Farzaneh Sadegh"], "Tehran", "2025-05-20"),
       event("Signing", "Signing of the Meghri–Nurduz bridge protocol", ["Davit Khudatyan", "Farzaneh Sadegh", MTAI, MRUD, AM, IR], "Tehran", "2025-05-21"),
       event("Meeting", "Khudatyan–Aliabadi meeting", ["Davit Khudatyan", "Abbas Aliabadi"], "Tehran", "2025-05-20"),
       event("Statement", "Khudatyan interview with South Caucasus Review", ["Davit Khudatyan"], "Yerevan", "2025-05-27"),
       event("Consultation", "Pashinyan–Pezeshkian phone call", ["Nikol Pashinyan", "Masoud Pezeshkian"], None, "2025-05-26"),
       event("Visit", "Pezeshkian visit to Armenia (planned)", ["Masoud Pezeshkian", IR, AM], "Yerevan", "2025"),
       event("Statement", "Sobhani remarks to reporters", ["Mehdi Sobhani"], None, "2025-05"),
       event("Meeting", "Armenia–Iran intergovernmental commission (planned)", [AM, IR], "Yerevan", "2025")])
