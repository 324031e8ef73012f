"""Gold for hS01 (Benin–Niger wire) and hS02 (Nepal foreign-ministry release)."""
from common import agreement, city, event, org, person, project, role, state, write

FM = ("Minister of Foreign Affairs", "Foreign Affairs Minister", "FM")

# hS01 ---------------------------------------------------------------------------------------
D = "2025-09-18"
write("hS01.txt", D,
      [person("Olushegun Adjadi Bakari", role("Foreign Minister", "Benin", *FM), aliases=["Shegun Adjadi Bakari"]),
       person("Bakary Yaou Sangaré", role("Foreign Minister", "Niger", *FM, "counterpart"), aliases=["Bakary Yaou Sangare"]),
       person("Samou Seïdou Adambi", role("Minister of Water and Mines", "Benin", "Water and Mines Minister")),
       person("Patrice Talon", role("President", "Benin", "head of state")),
       person("Abdourahamane Tiani", role("President", "Niger", "head of state", "leader"), aliases=["Abdourahamane Tchiani"]),
       person("Ali Mahaman Lamine Zeine", role("Prime Minister", "Niger", "PM")),
       # Former posts the text states are kept (hQ/hR rule).
       person("Thomas Boni Yayi", role("President", "Benin", "former President")),
       person("Nicéphore Soglo", role("President", "Benin", "former President"))],
      [state("Benin"), state("Niger"),
       # Context only: AES partners, the transit route, the accused state, and CNPC's state.
       state("Mali", actor=False), state("Burkina Faso", actor=False), state("Togo", actor=False),
       state("France", actor=False), state("China", actor=False)],
      [org("West African Oil Pipeline Company", "Niger", ["WAPCO", "WAPCO Niger"]),
       org("China National Petroleum Corporation", "China", ["CNPC"]),
       org("Economic Community of West African States", None, ["ECOWAS"]),
       org("Alliance of Sahel States", None, ["AES"])],
      [city("Cotonou", "Benin"), city("Niamey", "Niger"), city("Malanville", "Benin"), city("Gaya", "Niger"),
       city("Sèmè", "Benin"), city("Lomé", "Togo")],
      [agreement("Malanville–Gaya border crossing reopening protocol", [["malanville"], ["gaya"], ["border", "protocol"], ["crossing", "protocol"]],
                 ["Benin", "Niger"], D),
       agreement("Pipeline security memorandum", [["pipeline", "security"], ["pipeline", "memorandum"]], ["Benin", "Niger"], D),
       agreement("2019 intergovernmental agreement on the Niger–Benin pipeline", [["2019"], ["intergovernmental"], ["pipeline", "construction"]],
                 ["Benin", "Niger"], "2019-01")],
      [project("Niger–Benin crude oil pipeline", [["pipeline", "niger"], ["pipeline", "benin"], ["pipeline", "oil"], ["wapco"], ["seme", "terminal"]],
               ["Benin", "Niger", "West African Oil Pipeline Company", "China National Petroleum Corporation"], ["Sèmè", "Niger", "Benin"]),
       project("Malanville–Gaya border crossing", [["malanville"], ["gaya"]], ["Benin", "Niger"], ["Malanville", "Gaya"]),
       project("Port of Cotonou", [["port", "cotonou"]], ["Benin"], ["Cotonou"])],
      [event("Visit", "Sangaré visit to Benin", ["Bakary Yaou Sangaré", "Niger", "Benin"], "Cotonou", "2025-09-17"),
       event("Meeting", "Bakari–Sangaré talks", ["Olushegun Adjadi Bakari", "Bakary Yaou Sangaré"], "Cotonou", D),
       event("Signing", "Signing of the border protocol and pipeline memorandum",
             ["Olushegun Adjadi Bakari", "Bakary Yaou Sangaré", "Samou Seïdou Adambi", "Benin", "Niger"], "Cotonou", D),
       event("PressConference", "Bakari–Sangaré joint news conference", ["Olushegun Adjadi Bakari", "Bakary Yaou Sangaré"], "Cotonou", D),
       event("Meeting", "Talon receives Sangaré", ["Patrice Talon", "Bakary Yaou Sangaré"], "Cotonou", D),
       event("Statement", "WAPCO Niger statement on Sèmè loading", ["West African Oil Pipeline Company"], None, "2025-09"),
       event("Consultation", "Talon–Tiani phone call", ["Patrice Talon", "Abdourahamane Tiani"], None, "2025-09"),
       event("Meeting", "Planned joint cooperation commission session", ["Ali Mahaman Lamine Zeine", "Benin", "Niger"], "Niamey", "2025-10"),
       event("Statement", "Niger government communiqué on state television", ["Niger"], None, D)])
