"""Gold for hG08 (Algeria–Niger–Nigeria Trans-Saharan Gas Pipeline, translated APS dispatch)."""
from common import agreement, city, event, org, person, project, role, state, write

D = "2025-02-12"
T = "2025-02-11"  # "on Tuesday"
DZ, NE, NG = "Algeria", "Niger", "Nigeria"
MEM, SH, NNPC, SONIDEP = "Ministry of Energy and Mines of Algeria", "Sonatrach", "NNPC Ltd", "SONIDEP"
THREE = [DZ, NE, NG]
write("hG08.txt", D,
      [person("Rachid Hachichi", role("Chief Executive Officer", DZ, "CEO", "chief executive")),
       person("Mele Kyari", role("Group Chief Executive Officer", NG, "GCEO", "Group CEO")),
       person("Mohamed Arkab", role("Minister of State", DZ), role("Minister of Energy and Mines", DZ, "Energy Minister")),
       person("Sahabi Oumarou", role("Minister of Petroleum", NE, "Petroleum Minister")),
       person("Ekperikpe Ekpo", role("Minister of State for Petroleum Resources (Gas)", NG, "Minister of State for Petroleum Resources", "Minister of State for Gas")),
       person("Abdelmadjid Tebboune", role("President", DZ, "President of the Republic")),
       person("Abdourahamane Tiani", role("President", NE)),
       person("Bola Ahmed Tinubu", role("President", NG), aliases=["Bola Tinubu"]),
       person("Boualem Boualem", role("Director of the Cabinet of the Presidency", DZ, "Director of the Cabinet", "Chief of Staff"))],
      [state(DZ), state(NE), state(NG)],
      [org(MEM, DZ, ["Ministry of Energy and Mines"]),
       org(SH, DZ),
       org(NNPC, NG, ["Nigerian National Petroleum Company Limited", "NNPC", "Nigerian National Petroleum Company"]),
       org(SONIDEP, NE, ["Société nigérienne des produits pétroliers"])],
      [city("Algiers", DZ), city("Warri", NG), city("Hassi R'Mel", DZ), city("Abuja", NG), city("Zinder", NE),
       city("Niamey", NE), city("Ajaokuta", NG), city("Kaduna", NG), city("Kano", NG)],
      [agreement("TSGP feasibility-study update contract", [["feasibility"], ["contract"]], [SH, NNPC, SONIDEP], T),
       agreement("Memorandum of understanding on a tripartite security committee for the TSGP route", [["security"], ["technical", "committee"], ["tripartite", "committee"]], THREE, T),
       agreement("Protocol on the exchange of geological and seismic data", [["geological"], ["seismic"], ["data"]], THREE, T),
       agreement("2009 Trans-Saharan Gas Pipeline intergovernmental agreement", [["intergovernmental"]], THREE, "2009-07"),
       agreement("2022 Niamey memorandum of understanding on the TSGP", [["niamey"], ["2022"]], THREE, "2022-07")],
      [project("Trans-Saharan Gas Pipeline", [["trans", "saharan"], ["tsgp"]], THREE + [SH, NNPC, SONIDEP], ["Warri", "Hassi R'Mel"]),
       project("Transmed pipeline", [["transmed"]], [DZ]),
       project("Medgaz pipeline", [["medgaz"]], [DZ]),
       project("Ajaokuta-Kaduna-Kano pipeline", [["ajaokuta"], ["akk"]], [NG], ["Ajaokuta", "Kaduna", "Kano"])],
      [event("Meeting", "Fourth tripartite TSGP ministerial meeting in Algiers",
             ["Mohamed Arkab", "Sahabi Oumarou", "Ekperikpe Ekpo"] + THREE, "Algiers", T),
       event("Signing", "TSGP contract, security memorandum and data protocol signed in Algiers",
             ["Rachid Hachichi", "Mele Kyari", SONIDEP, "Mohamed Arkab", "Sahabi Oumarou", "Ekperikpe Ekpo"], "Algiers", T),
       event("Statement", "Arkab's opening speech", ["Mohamed Arkab"], "Algiers", T),
       event("Meeting", "Tebboune receives the Nigerien and Nigerian ministers at El Mouradia",
             ["Abdelmadjid Tebboune", "Sahabi Oumarou", "Ekperikpe Ekpo", "Boualem Boualem", "Mohamed Arkab"], "Algiers", T),
       event("Statement", "Tripartite joint communiqué on the TSGP", THREE, "Algiers", T),
       event("Meeting", "Next tripartite TSGP meeting in Abuja", THREE, "Abuja", None)])
