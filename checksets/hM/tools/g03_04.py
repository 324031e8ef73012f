"""Gold for hM03 (AfCFTA interview) and hM04 (SADC summit live blog)."""
from common import agreement, city, event, org, person, project, role, state, write

SG = ("Secretary-General", "SG")

# hM03 ---------------------------------------------------------------------------------------
D = "2025-05-20"
SEC, CC, AX, AU = "AfCFTA Secretariat", "Caribbean Community", "Afreximbank", "African Union"
write("hM03.txt", D,
      # International officials: their posts have no state.
      [person("Wamkele Mene", role("Secretary-General", None, *SG)),
       person("Carla Barnett", role("Secretary-General", None, *SG)),
       person("Mike Ogbalu III", role("chief executive", None, "CEO", "Chief Executive Officer"), aliases=["Mike Ogbalu"]),
       person("Benedict Oramah", role("President", None)),
       person("Hassan El-Khatib", role("Minister of Investment and Foreign Trade", "Egypt")),
       person("John Dramani Mahama", role("President", "Ghana"), aliases=["John Mahama"]),
       person("Elizabeth Ofosu-Adjare", role("Minister for Trade, Agribusiness and Industry", "Ghana", "Trade Minister"))],
      [state("Ghana"), state("Kenya"), state("South Africa"), state("Egypt"),
       state("Morocco", actor=False), state("Grenada", actor=False)],
      [org(SEC, None, ["Secretariat of the African Continental Free Trade Area"]),
       org(CC, None, ["CARICOM"]), org(AX, None, ["African Export-Import Bank"]), org(AU),
       # A payment system with its own chief executive: listed as the company that runs it.
       org("Pan-African Payment and Settlement System", None, ["PAPSS"])],
      [city("Accra", "Ghana"), city("Georgetown", "Guyana"), city("St. George's", "Grenada"),
       city("Addis Ababa", "Ethiopia"), city("Kigali", "Rwanda")],
      [agreement("AfCFTA–CARICOM memorandum on trade facilitation and standards",
                 [["memorandum"], ["trade", "facilitation"], ["caricom"]], [SEC, CC], "2025-05-13"),
       # "struck a deal ... reached a deal", "nothing has been signed": agreement without a Signing.
       agreement("South Africa–Kenya tea and wine deal", [["tea"], ["wine"]], ["South Africa", "Kenya"], "2025-04"),
       agreement("AfCFTA Protocol on Digital Trade", [["digital", "trade"]], [AU], "2024-02"),
       agreement("AfCFTA Protocol on Women and Youth in Trade", [["women"], ["youth"]], [AU], "2024-02"),
       agreement("AfCFTA Protocol on Investment", [["investment", "protocol"], ["protocol", "investment"]], [AU], "2023"),
       agreement("Agreement establishing the AfCFTA", [["afcfta"], ["continental", "free", "trade"]], [AU], "2018-03")],
      [project("Guided Trade Initiative", [["guided", "trade"]], [SEC, "Ghana"], []),
       project("AfCFTA Adjustment Fund", [["adjustment", "fund"]], [SEC, AX], [])],
      [event("Statement", "Mene interview in Accra", ["Wamkele Mene"], "Accra", "2025-05-16"),
       event("Signing", "AfCFTA–CARICOM memorandum signing", ["Wamkele Mene", "Carla Barnett", SEC, CC], "Georgetown", "2025-05-13"),
       event("Consultation", "Mene–El-Khatib phone call", ["Wamkele Mene", "Hassan El-Khatib"], None, "2025-05-12"),
       event("Meeting", "AfriCaribbean Trade and Investment Forum (planned)", ["Wamkele Mene", AX], "St. George's", "2025-07"),
       event("Meeting", "AfCFTA Council of Ministers meeting (planned)", [SEC], "Addis Ababa", "2025-07")])
