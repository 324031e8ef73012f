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
                 [["trade", "facilitation"], ["caricom"], ["afcfta", "memorandum"]], [SEC, CC], "2025-05-13"),
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

# hM04 ---------------------------------------------------------------------------------------
D = "2025-08-17"
SADC, AO, NA, MZ, ZA = "Southern African Development Community", "Angola", "Namibia", "Mozambique", "South Africa"
write("hM04.txt", D,
      [person("Andry Rajoelina", role("President", "Madagascar"), role("Chair", None, "SADC chair")),
       # The text names Mnangagwa only as the outgoing chair, Ramaphosa and Chapo with no post at all.
       person("Emmerson Mnangagwa", role("Chair", None, "SADC chair")),
       person("Elias Magosi", role("Executive Secretary", None)),
       person("Cyril Ramaphosa"),
       person("Daniel Chapo"),
       person("Vincent Magwenya", role("spokesman", ZA, "spokesperson")),
       person("João Baptista Borges", role("Minister of Energy and Water", AO)),
       person("Natangwe Ithete", role("Minister of Industries, Mines and Energy", NA)),
       person("Netumbo Nandi-Ndaitwah", role("President", NA, "head of state")),
       person("João Lourenço", role("President", AO), role("Chairperson of the African Union", None, "Chairperson")),
       person("Duma Boko", role("President", "Botswana")),
       person("Félix Tshisekedi", role("President", "DR Congo"), aliases=["Felix Tshisekedi"]),
       person("Paul Kagame", role("President", "Rwanda")),
       person("Christian Ntsay", role("Prime Minister", "Madagascar"))],
      [state("Madagascar"), state("Zimbabwe"), state(ZA), state(MZ), state(AO), state(NA),
       state("Botswana"), state("DR Congo", aliases=["Democratic Republic of the Congo", "Congo"]), state("Rwanda")],
      [org(SADC, None, ["SADC"]), org("East African Community"), org("African Union")],
      [city("Antananarivo", "Madagascar")],
      # Adopted by consensus, "there was no signing": an agreement with no Signing event.
      [agreement("Antananarivo Declaration on Industrialisation and Value Chains",
                 [["antananarivo", "declaration"], ["industrialisation"], ["value", "chains"]], [SADC], D),
       agreement("Angola–Namibia memorandum on the Baynes Hydro Power Project", [["baynes"]], [AO, NA], D)],
      [project("Baynes Hydro Power Project", [["baynes"]], [AO, NA], [AO, NA]),
       project("SADC Regional Development Fund", [["regional", "development", "fund"]], [SADC], []),
       project("Beira corridor", [["beira"]], [SADC], [MZ]),
       project("Nacala corridor", [["nacala"]], [SADC], [MZ]),
       project("Walvis Bay corridor", [["walvis"]], [SADC], [NA]),
       project("Lebombo–Ressano Garcia border post", [["lebombo"], ["ressano"]], [ZA, MZ], [ZA, MZ]),
       project("Cahora Bassa", [["cahora"]], [MZ, ZA], [MZ])],
      [event("Meeting", "45th Ordinary Summit of SADC Heads of State and Government",
             [SADC, "Andry Rajoelina", "Emmerson Mnangagwa", "Cyril Ramaphosa", "Daniel Chapo", "Félix Tshisekedi",
              "João Lourenço", "Netumbo Nandi-Ndaitwah", "Duma Boko", "Christian Ntsay"], "Antananarivo", D),
       event("Statement", "SADC summit final communiqué", [SADC], "Antananarivo", D),
       event("PressConference", "Magosi closing press conference", ["Elias Magosi"], "Antananarivo", D),
       event("Meeting", "Ramaphosa–Chapo meeting on the sidelines", ["Cyril Ramaphosa", "Daniel Chapo"], "Antananarivo", D),
       event("Statement", "Magwenya statement confirming the meeting", ["Vincent Magwenya"], None, D),
       event("Signing", "Baynes memorandum signing", ["João Baptista Borges", "Natangwe Ithete", AO, NA], "Antananarivo", D),
       event("Statement", "Rajoelina's first address as SADC chair", ["Andry Rajoelina"], "Antananarivo", D),
       event("Statement", "Tshisekedi post on X", ["Félix Tshisekedi"], None, D),
       event("Consultation", "Lourenço–Kagame phone call", ["João Lourenço", "Paul Kagame"], None, "2025-08-16"),
       event("Meeting", "46th SADC summit in South Africa (planned)", [SADC, ZA], ZA, "2026")])
