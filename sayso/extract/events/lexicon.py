"""Word lists of the events extractor: trigger words, the context words that type them, refusals.

Every list is matched against lower-cased spaCy lemmas (``tok.lemma_.lower()``) unless it says
otherwise. Which rule each list serves, with examples, is in docs/events.md.
"""
from __future__ import annotations

# --------------------------------------------------------------------------- triggers

VERB, NOUN = "VERB", "NOUN"
V, N, VN = frozenset({VERB}), frozenset({NOUN}), frozenset({VERB, NOUN})

# lemma -> (kind, parts of speech, check); a check names a rule in triggers.CHECKS that may refuse the
# trigger or change its kind from the context (None: the word alone is enough).
SINGLE: dict[str, tuple[str, frozenset, str | None]] = {
    # battles
    "clash": ("armed_clash", VN, "clash"), "fight": ("armed_clash", VN, "fight"),
    "fighting": ("armed_clash", N, "fight"), "battle": ("armed_clash", VN, "fight"),
    "skirmish": ("armed_clash", VN, None), "firefight": ("armed_clash", N, None),
    "gunfight": ("armed_clash", N, None), "gunbattle": ("armed_clash", N, None),
    "shootout": ("armed_clash", N, None), "ambush": ("attack", VN, None),
    "offensive": ("offensive", N, "offensive"), "counteroffensive": ("offensive", N, None),
    "counter-offensive": ("offensive", N, None), "incursion": ("offensive", N, None),
    "invade": ("offensive", V, "physical_object"), "invasion": ("offensive", N, "physical_object"),
    "advance": ("offensive", V, "military_subject"), "storm": ("attack", V, "physical_object"),
    # territory
    "capture": ("capture", VN, "territory"), "seize": ("capture", V, "territory"),
    "seizure": ("capture", N, "territory"), "overrun": ("capture", V, "territory"),
    "occupy": ("capture", V, "territory"), "take": ("capture", V, "take_control"),
    "retake": ("retake", V, "territory"), "recapture": ("retake", VN, "territory"),
    "regain": ("retake", V, "territory"), "liberate": ("retake", V, "territory"),
    "reclaim": ("retake", V, "territory"), "recover": ("retake", V, "territory"),
    "withdraw": ("withdrawal", V, "military_subject"), "withdrawal": ("withdrawal", N, "military_subject"),
    "retreat": ("withdrawal", VN, "military_subject"), "vacate": ("territory_transfer", V, "military_subject"),
    "surrender": ("group_change", VN, "military_subject"), "defect": ("group_change", V, None),
    "defection": ("group_change", N, None),
    # remote violence
    "shell": ("shelling", V, "shell"), "shelling": ("shelling", N, None), "bombard": ("shelling", V, None),
    "bombardment": ("shelling", N, None), "barrage": ("shelling", N, None),
    "pound": ("shelling", V, "weapon_subject"), "airstrike": ("air_strike", N, None),
    "air-strike": ("air_strike", N, None), "bomb": ("bombing", VN, "bomb"), "bombing": ("bombing", N, None),
    "strike": ("air_strike", VN, "strike"), "hit": ("shelling", V, "weapon_subject"),
    "target": ("shelling", V, "weapon_subject"), "fire": ("shelling", VN, "fire"),
    "launch": ("shelling", V, "launch_weapon"),
    "explode": ("bombing", V, "explosion"), "explosion": ("bombing", N, "explosion"),
    "blast": ("bombing", N, "explosion"), "detonate": ("bombing", V, "explosion"),
    "grenade": ("grenade", N, "grenade"),
    # violence against civilians
    "attack": ("attack", VN, "attack"), "assault": ("attack", VN, "assault"), "raid": ("attack", VN, "raid"),
    "shooting": ("attack", N, "shooting"), "shoot": ("attack", V, "shooting"), "gun": ("attack", V, None),
    "kill": ("attack", V, "weak"), "killing": ("attack", N, "weak"), "wound": ("attack", V, "weak"),
    "injure": ("attack", V, "weak"), "murder": ("attack", VN, None),
    "massacre": ("attack", VN, None), "execute": ("attack", V, "person_object"), "behead": ("attack", V, None),
    "stab": ("attack", V, None), "stabbing": ("attack", N, None), "assassinate": ("attack", V, None),
    "assassination": ("attack", N, None), "torture": ("attack", VN, None), "beat": ("attack", V, "beat"),
    "lynch": ("mob_violence", V, None), "lynching": ("mob_violence", N, None),
    "kidnap": ("abduction", V, None), "kidnapping": ("abduction", N, None), "abduct": ("abduction", V, None),
    "abduction": ("abduction", N, None), "hostage": ("abduction", N, "hostage"),
    "rape": ("sexual_violence", VN, None), "molest": ("sexual_violence", V, None),
    # protests and riots
    "protest": ("protest", VN, "protest"), "demonstrate": ("protest", V, "demonstrate"),
    "demonstration": ("protest", N, "protest"), "rally": ("protest", VN, "rally"),
    "march": ("protest", VN, "march"), "sit-in": ("protest", N, None), "picket": ("protest", VN, None),
    "walkout": ("protest", N, None), "boycott": ("protest", VN, None), "riot": ("riot", VN, None),
    "rioting": ("riot", N, None), "unrest": ("riot", N, None),
    # strategic developments
    "arrest": ("arrest", VN, "arrest"), "detain": ("arrest", V, None), "detention": ("arrest", N, None),
    "apprehend": ("arrest", V, None), "loot": ("looting", V, None), "looting": ("looting", N, None),
    "plunder": ("looting", V, None), "ransack": ("looting", V, None), "vandalise": ("looting", V, None),
    "vandalize": ("looting", V, None), "torch": ("looting", V, None), "arson": ("looting", N, None),
    "demolish": ("looting", V, "physical_object"),
    "defuse": ("weapons_seizure", V, None), "intercept": ("interception", V, "intercept"),
    "discover": ("weapons_seizure", V, "weapons_object"), "find": ("weapons_seizure", V, "weapons_object"),
    "uncover": ("weapons_seizure", V, "weapons_object"), "unearth": ("weapons_seizure", V, "weapons_object"),
    "destroy": ("weapons_seizure", V, "weapons_object"), "dismantle": ("weapons_seizure", V, "weapons_object"),
    "neutralise": ("weapons_seizure", V, "weapons_object"), "neutralize": ("weapons_seizure", V, "weapons_object"),
    "establish": ("base_established", V, "base_object"), "dispatch": ("deployment", V, "troops_object"),
    "send": ("deployment", V, "troops_object"), "move": ("deployment", V, "troops_object"),
    "reinforce": ("deployment", V, "troops_object"), "station": ("deployment", V, "troops_object"),
    "amass": ("deployment", V, "troops_object"), "mass": ("deployment", V, "troops_object"),
    "drive": ("retake", V, "drive_out"),
    "control": ("capture", V, "territory"), "abuse": ("sexual_violence", VN, "abuse"),
    "vigil": ("protest", N, None), "fortify": ("deployment", V, "military_subject"),
    "gunfire": ("attack", N, "fight"), "onslaught": ("offensive", N, "fight"),
    "besiege": ("armed_clash", V, "fight"), "siege": ("armed_clash", N, "fight"), "slay": ("attack", V, None),
    "maim": ("attack", V, None), "mutilate": ("attack", V, None), "bludgeon": ("attack", V, None),
    "hack": ("attack", V, "to_death"), "land": ("shelling", V, "munition_subject"),
    "fall": ("shelling", V, "munition_subject"), "ied": ("bombing", N, "bomb"),
    "landmine": ("bombing", N, "bomb"), "protester": ("protest", N, "protester_subject"),
    "protestor": ("protest", N, "protester_subject"), "demonstrator": ("protest", N, "protester_subject"),
    "marcher": ("protest", N, "protester_subject"), "violence": ("riot", N, "violence_erupts"),
    "pillage": ("looting", V, None), "join": ("group_change", V, "group_object"),
    "recruit": ("group_change", V, "troops_object"), "rainfall": ("natural_disaster", N, "weather"),
    "deluge": ("natural_disaster", N, None), "inundate": ("natural_disaster", V, None),
    "aftershock": ("natural_disaster", N, None), "famine": ("natural_disaster", N, None),
    "cholera": ("natural_disaster", N, None), "ebola": ("natural_disaster", N, None),
    "measles": ("natural_disaster", N, None), "dengue": ("natural_disaster", N, None),
    "malaria": ("natural_disaster", N, None), "infection": ("natural_disaster", N, "disease"),
    "collide": ("accident", V, None), "overturn": ("accident", V, "accident"),
    "electrocute": ("accident", V, None), "contaminate": ("accident", V, None),
    "robber": ("crime", N, None), "thief": ("crime", N, None), "burglar": ("crime", N, None),
    "fraudster": ("crime", N, None), "harass": ("sexual_violence", V, "abuse"), "set": ("looting", V, "set_fire"),
    "throw": ("riot", V, "projectiles"),
    "hurl": ("riot", V, "projectiles"), "pelt": ("riot", V, "projectiles"), "repel": ("armed_clash", V, "fight"),
    "repulse": ("armed_clash", V, "fight"),
    "hostility": ("armed_clash", N, "fight"), "combat": ("armed_clash", N, "fight"),
    "counterattack": ("armed_clash", VN, "fight"), "counter-attack": ("armed_clash", VN, "fight"),
    "slaughter": ("attack", VN, "person_object"), "strafe": ("air_strike", V, None),
    "disappear": ("abduction", V, "forced"), "nab": ("arrest", V, None),
    "foil": ("weapons_seizure", V, "foiled"), "thwart": ("weapons_seizure", V, "foiled"),
    "burn": ("looting", V, "property_object"), "raze": ("looting", V, None),
    "build": ("base_established", V, "base_object"), "construct": ("base_established", V, "base_object"),
    "disband": ("group_change", V, "group_object"), "merge": ("group_change", V, "group_object"),
    "form": ("group_change", V, "group_object"), "secure": ("capture", V, "territory"),
    "clear": ("capture", V, "territory"), "summon": ("accusation", V, "diplomat_object"),
    "recall": ("sanction", V, "diplomat_object"), "bushfire": ("natural_disaster", N, None),
    "snowstorm": ("natural_disaster", N, None), "blizzard": ("natural_disaster", N, None),
    "hailstorm": ("natural_disaster", N, None), "mudslide": ("natural_disaster", N, None),
    "shipwreck": ("accident", N, None), "derailment": ("accident", N, None),
    "bribery": ("crime", N, None), "embezzlement": ("crime", N, None), "laundering": ("crime", N, None),
    "cartel": ("crime", N, "gang"), "narcotic": ("crime", N, None), "gather": ("protest", V, "crowd_subject"),
    "wrest": ("capture", V, "territory"), "gain": ("capture", V, "take_control"),
    "handover": ("territory_transfer", N, "territory"),
    "erupt": ("natural_disaster", V, "volcano"), "volcano": ("natural_disaster", N, None),
    "covid-19": ("natural_disaster", N, None), "coronavirus": ("natural_disaster", N, None),
    "covid": ("natural_disaster", N, None), "accident": ("accident", N, None),
    "poisoning": ("accident", N, None), "smuggler": ("crime", N, None), "trafficker": ("crime", N, None),
    "scam": ("crime", N, None), "counterfeit": ("crime", VN, None), "pornography": ("crime", N, None),
    "racket": ("crime", N, None), "gang": ("crime", N, "gang"),
    "confiscate": ("weapons_seizure", V, "weapons_object"), "deploy": ("deployment", V, "troops_object"),
    "redeploy": ("deployment", V, "troops_object"), "deployment": ("deployment", N, "troops_object"),
    "mobilise": ("mobilisation", V, "mobilise"), "mobilize": ("mobilisation", V, "mobilise"),
    "mobilisation": ("mobilisation", N, "mobilise"), "mobilization": ("mobilisation", N, "mobilise"),
    "conscription": ("mobilisation", N, None),
    "agree": ("agreement", V, "agree"), "agreement": ("agreement", N, "agreement"),
    "deal": ("agreement", N, "agreement"), "accord": ("agreement", N, "agreement"),
    "pact": ("agreement", N, None), "treaty": ("agreement", N, None), "sign": ("agreement", V, "sign"),
    "ceasefire": ("ceasefire", N, None), "cease-fire": ("ceasefire", N, None), "truce": ("ceasefire", N, None),
    "armistice": ("ceasefire", N, None), "release": ("release", VN, "release"), "free": ("release", V, "release"),
    "swap": ("agreement", VN, "prisoners"), "exchange": ("agreement", VN, "prisoners"),
    "election": ("election", N, None), "referendum": ("election", N, None), "elect": ("election", V, None),
    "vote": ("election", VN, "vote"), "poll": ("election", N, "vote"),
    # diplomacy and statements (PLOVER's verbal events)
    "sanction": ("sanction", VN, "sanction"), "embargo": ("sanction", VN, None),
    "expel": ("expulsion", V, "expel"), "expulsion": ("expulsion", N, None), "deport": ("coercion", V, None),
    "deportation": ("coercion", N, None), "suspend": ("sanction", V, "relations"),
    "sever": ("sanction", V, "relations"), "cut": ("sanction", V, "relations"),
    "meet": ("meeting", V, "meet"), "meeting": ("meeting", N, None), "talk": ("meeting", N, "talks"),
    "negotiate": ("meeting", V, None), "negotiation": ("meeting", N, None), "visit": ("meeting", VN, None),
    "host": ("meeting", V, "person_object"), "summit": ("meeting", N, None),
    "donate": ("aid", V, None), "aid": ("aid", V, None), "asylum": ("aid", N, None),
    "cooperate": ("cooperation", V, None), "cooperation": ("cooperation", N, None),
    "extradite": ("cooperation", V, None), "praise": ("support", VN, None), "welcome": ("support", V, None),
    "endorse": ("support", V, None), "apologize": ("support", V, None), "apologise": ("support", V, None),
    "lift": ("concession", V, "restriction_object"), "ease": ("concession", V, "restriction_object"),
    "pardon": ("concession", VN, None), "ban": ("coercion", VN, "ban"), "curfew": ("coercion", N, None),
    "censor": ("coercion", V, None), "demolition": ("looting", N, None),
    "threaten": ("threat", V, None), "threat": ("threat", N, "threat"), "ultimatum": ("threat", N, None),
    "demand": ("demand", VN, None), "urge": ("demand", V, None), "appeal": ("demand", VN, "appeal"),
    "reject": ("rejection", V, None), "refuse": ("rejection", V, None), "rebuff": ("rejection", V, None),
    "veto": ("rejection", VN, None), "dismiss": ("rejection", V, "dismiss"), "deny": ("rejection", V, None),
    "accuse": ("accusation", V, None), "condemn": ("accusation", V, None), "criticise": ("accusation", V, None),
    "criticize": ("accusation", V, None), "denounce": ("accusation", V, None), "blame": ("accusation", VN, None),
    "slam": ("accusation", V, "slam"), "condemnation": ("accusation", N, None),
    "investigate": ("investigation", V, None), "investigation": ("investigation", N, None),
    "probe": ("investigation", VN, None), "inquiry": ("investigation", N, None),
    # outside ACLED
    "earthquake": ("natural_disaster", N, None), "quake": ("natural_disaster", N, None),
    "flood": ("natural_disaster", VN, None), "flooding": ("natural_disaster", N, None),
    "cyclone": ("natural_disaster", N, None), "hurricane": ("natural_disaster", N, None),
    "typhoon": ("natural_disaster", N, None), "tornado": ("natural_disaster", N, None),
    "landslide": ("natural_disaster", N, None), "drought": ("natural_disaster", N, None),
    "tsunami": ("natural_disaster", N, None), "eruption": ("natural_disaster", N, None),
    "wildfire": ("natural_disaster", N, None), "heatwave": ("natural_disaster", N, None),
    "epidemic": ("natural_disaster", N, None), "outbreak": ("natural_disaster", N, None),
    "pandemic": ("natural_disaster", N, None), "avalanche": ("natural_disaster", N, None),
    "storm": ("natural_disaster", N, "weather"), "rain": ("natural_disaster", N, "weather"),
    "crash": ("accident", VN, "accident"), "collision": ("accident", N, None), "derail": ("accident", V, None),
    "collapse": ("accident", VN, "physical_subject"), "spill": ("accident", VN, None),
    "leak": ("accident", VN, "physical_subject"), "blaze": ("accident", N, None),
    "leakage": ("accident", N, None), "plunge": ("accident", V, "accident"),
    "capsize": ("accident", V, None), "sink": ("accident", V, "physical_subject"),
    "stampede": ("accident", N, None),
    "rob": ("crime", V, None), "robbery": ("crime", N, None), "smuggle": ("crime", V, None),
    "smuggling": ("crime", N, None), "traffic": ("crime", V, None), "trafficking": ("crime", N, None),
    "fraud": ("crime", N, None), "theft": ("crime", N, None), "steal": ("crime", V, None),
    "burglary": ("crime", N, None), "extortion": ("crime", N, None), "poach": ("crime", V, None),
    "poaching": ("crime", N, None),
}

# multi-word triggers: lemmas in order ("-" tokens skipped) -> (kind, index of the head word, check)
MULTI: dict[tuple[str, ...], tuple[str, int, str | None]] = {
    ("air", "strike"): ("air_strike", 1, None), ("drone", "strike"): ("air_strike", 1, None),
    ("drone", "attack"): ("air_strike", 1, None), ("air", "raid"): ("air_strike", 1, None),
    ("missile", "strike"): ("shelling", 1, None), ("rocket", "strike"): ("shelling", 1, None),
    ("missile", "attack"): ("shelling", 1, None), ("rocket", "attack"): ("shelling", 1, None),
    ("artillery", "strike"): ("shelling", 1, None), ("artillery", "fire"): ("shelling", 1, None),
    ("mortar", "attack"): ("shelling", 1, None), ("artillery", "attack"): ("shelling", 1, None),
    ("suicide", "bombing"): ("suicide_bombing", 1, None), ("suicide", "bomber"): ("suicide_bombing", 1, None),
    ("suicide", "attack"): ("suicide_bombing", 1, None), ("suicide", "bomb"): ("suicide_bombing", 1, None),
    ("blow", "themselves", "up"): ("suicide_bombing", 0, None),
    ("blow", "himself", "up"): ("suicide_bombing", 0, None),
    ("blow", "herself", "up"): ("suicide_bombing", 0, None), ("blow", "up"): ("bombing", 0, None),
    ("car", "bomb"): ("bombing", 1, None), ("roadside", "bomb"): ("bombing", 1, None),
    ("grenade", "attack"): ("grenade", 1, None), ("chemical", "attack"): ("chemical_attack", 1, None),
    ("gas", "attack"): ("chemical_attack", 1, None), ("chemical", "weapon"): ("chemical_attack", 1, None),
    ("open", "fire"): ("attack", 0, None), ("exchange", "fire"): ("armed_clash", 0, None),
    ("exchange", "of", "fire"): ("armed_clash", 0, None), ("fire", "exchange"): ("armed_clash", 1, None),
    ("shoot", "down"): ("interception", 0, None), ("take", "hostage"): ("abduction", 0, None),
    ("sexually", "assault"): ("sexual_violence", 1, None), ("sexual", "assault"): ("sexual_violence", 1, None),
    ("sexual", "violence"): ("sexual_violence", 1, None), ("sexual", "abuse"): ("sexual_violence", 1, None),
    ("sexually", "abuse"): ("sexual_violence", 1, None),
    ("set", "fire"): ("looting", 0, None), ("set", "ablaze"): ("looting", 0, None),
    ("set", "on", "fire"): ("looting", 0, None),
    ("hunger", "strike"): ("protest", 1, None), ("general", "strike"): ("protest", 1, None),
    ("go", "on", "strike"): ("protest", 2, None), ("take", "to", "the", "street"): ("protest", 0, None),
    ("block", "road"): ("protest", 0, None), ("tear", "gas"): ("protest_intervention", 1, "teargas"),
    ("teargas",): ("protest_intervention", 0, "teargas"), ("water", "cannon"): ("protest_intervention", 1, "teargas"),
    ("round", "up"): ("arrest", 0, None), ("hand", "over"): ("territory_transfer", 0, "territory"),
    ("throw", "out"): ("expulsion", 0, "expel"), ("push", "back"): ("retake", 0, "military_subject"),
    ("catch", "fire"): ("accident", 0, None), ("gang", "rape"): ("sexual_violence", 1, None),
    ("set", "up"): ("base_established", 0, "base_object"),
    ("peace", "talk"): ("meeting", 1, None), ("hold", "talk"): ("meeting", 0, None),
    ("claim", "responsibility"): ("responsibility", 0, None),
    ("claim", "credit"): ("responsibility", 0, None), ("responsible", "for"): ("responsibility", 0, None),
    ("hold", "responsible"): ("responsibility", 0, None),
    ("deny", "involvement"): ("responsibility", 0, None), ("deny", "responsibility"): ("responsibility", 0, None),
    ("explosive", "vest"): ("suicide_bombing", 1, None), ("suicide", "vest"): ("suicide_bombing", 1, None),
    ("nerve", "agent"): ("chemical_attack", 1, "toxic"), ("poison", "gas"): ("chemical_attack", 1, "toxic"),
    ("toxic", "gas"): ("chemical_attack", 1, "toxic"), ("human", "chain"): ("protest", 1, None),
    ("take", "into", "custody"): ("arrest", 0, None), ("gun", "down"): ("attack", 0, None),
    ("mow", "down"): ("attack", 0, None), ("fend", "off"): ("armed_clash", 0, "fight"),
    ("pledge", "allegiance"): ("group_change", 0, None), ("join", "force"): ("group_change", 0, None),
    ("forest", "fire"): ("natural_disaster", 1, None), ("rocket", "fire"): ("shelling", 1, None),
    ("mortar", "fire"): ("shelling", 1, None), ("sniper", "fire"): ("attack", 1, None),
    ("heat", "wave"): ("natural_disaster", 1, None), ("booby", "trap"): ("bombing", 1, None),
    ("military", "operation"): ("armed_clash", 1, "fight"), ("security", "operation"): ("armed_clash", 1, "fight"),
    ("counter-terrorism", "operation"): ("armed_clash", 1, "fight"), ("go", "off"): ("bombing", 0, "went_off"),
    ("take", "credit"): ("responsibility", 0, None),
    ("take", "responsibility"): ("responsibility", 0, None),
    ("state", "of", "emergency"): ("coercion", 0, None), ("martial", "law"): ("coercion", 1, None),
    ("call", "for"): ("demand", 0, None), ("call", "up"): ("mobilisation", 0, "mobilise"),
    ("pull", "out"): ("withdrawal", 0, "military_subject"), ("pull", "back"): ("withdrawal", 0, "military_subject"),
    ("peace", "deal"): ("agreement", 1, None), ("peace", "agreement"): ("agreement", 1, None),
    ("break", "out"): ("accident", 0, "fire_breaks_out"),
}

MULTI_BY_FIRST: dict[str, list[tuple[tuple[str, ...], tuple[str, int, str | None]]]] = {}
for _words, _entry in sorted(MULTI.items(), key=lambda kv: -len(kv[0])):
    MULTI_BY_FIRST.setdefault(_words[0], []).append((_words, _entry))

SURFACE_LEMMAS = {"retook": "retake", "raped": "rape", "rapes": "rape", "raping": "rape", "slamming": "slam",
                  "sunk": "sink", "overran": "overrun"}
"""Forms the small model lemmatises wrongly ("raped" -> "rap", "retook" -> "retook")."""

WEAK_TRIGGERS = frozenset({"kill", "killing", "wound", "injure"})
"""'killed' alone is an attack, but next to a stronger trigger it only reports that event's dead."""

# --------------------------------------------------------------------------- context words

WEAPON_KINDS: dict[str, str] = {
    # what a weapon word says about an attack ("hit by rockets" is shelling)
    "artillery": "shelling", "shell": "shelling", "shelling": "shelling", "mortar": "shelling",
    "rocket": "shelling", "missile": "shelling", "howitzer": "shelling", "mlrs": "shelling", "grad": "shelling",
    "himars": "shelling", "katyusha": "shelling", "projectile": "shelling", "tank": "shelling",
    "airstrike": "air_strike", "warplane": "air_strike", "jet": "air_strike", "aircraft": "air_strike",
    "helicopter": "air_strike", "drone": "air_strike", "uav": "air_strike", "bomber": "air_strike",
    "airplane": "air_strike", "plane": "air_strike", "gunship": "air_strike", "aerial": "air_strike",
    "air": "air_strike", "air force": "air_strike", "airforce": "air_strike", "sortie": "air_strike",
    "ied": "bombing", "landmine": "bombing", "mine": "bombing", "explosive": "bombing", "bomb": "bombing",
    "device": "bombing", "roadside": "bombing", "booby": "bombing", "detonate": "bombing",
    "suicide": "suicide_bombing", "kamikaze": "suicide_bombing", "grenade": "grenade",
    "chlorine": "chemical_attack", "sarin": "chemical_attack", "chemical": "chemical_attack",
    "toxic": "chemical_attack", "poisonous": "chemical_attack", "mustard": "chemical_attack",
    "nerve": "chemical_attack",
}
WEAPON_PRIORITY = ("suicide_bombing", "chemical_attack", "grenade", "air_strike", "shelling", "bombing")
"""The most specific weapon wins: a suicide car bomb is a suicide bombing, a drone's missile an air strike."""

WEAPON_OBJECTS = frozenset({
    "weapon", "arm", "ammunition", "munition", "explosive", "bomb", "ied", "rifle", "gun", "pistol", "grenade",
    "rocket", "missile", "mortar", "mine", "landmine", "device", "shell", "drone", "cache", "arsenal",
    "detonator", "firearm", "launcher", "ordnance", "package"})
MILITARY_WORDS = frozenset({
    "army", "military", "troop", "soldier", "force", "militant", "rebel", "insurgent", "fighter", "militia",
    "jihadist", "terrorist", "gunman", "guerrilla", "police", "policeman", "officer", "serviceman",
    "paratrooper", "marine", "commando", "unit", "battalion", "brigade", "division", "regiment", "navy",
    "warplane", "jet", "artillery", "tank", "mercenary", "separatist", "combatant", "sniper", "airforce",
    "coalition", "regime", "taliban", "isis", "isil", "daesh", "shabaab", "shabab", "houthi", "wagner", "jawan",
    "contingent", "ranger", "gendarme", "gendarmerie", "trooper"})
MILITARY_TARGETS = frozenset({
    "position", "base", "checkpoint", "post", "camp", "barrack", "outpost", "convoy", "patrol", "troop",
    "soldier", "force", "army", "military", "police", "policeman", "officer", "unit", "garrison", "fighter",
    "militant", "rebel", "insurgent", "serviceman", "station", "headquarters", "trench", "jawan", "tank",
    "vehicle", "personnel", "commander", "militia"})
CIVILIAN_WORDS = frozenset({
    "civilian", "resident", "villager", "child", "woman", "girl", "boy", "family", "worshipper", "pedestrian",
    "passenger", "student", "farmer", "shepherd", "refugee", "journalist", "teacher", "doctor", "patient",
    "tourist", "home", "house", "residential", "school", "hospital", "market", "mosque", "church", "shop",
    "apartment", "kindergarten", "neighbourhood", "neighborhood", "pensioner", "elderly", "people",
    "inhabitant", "civil", "non-combatant", "aid worker", "infant", "baby", "bystander", "humanitarian"})
PROTESTER_WORDS = frozenset({
    "protester", "protestor", "demonstrator", "protest", "demonstration", "rally", "march", "crowd",
    "activist", "picket", "sit-in", "marcher", "striker", "rallygoer"})
SECURITY_WORDS = frozenset({
    "police", "policeman", "officer", "security", "force", "soldier", "troop", "army", "riot", "cop",
    "gendarme", "guard", "regime", "authority", "agent"})
INTERVENTION_WORDS = frozenset({
    "tear", "teargas", "cannon", "disperse", "pepper", "rubber", "baton", "arrest", "detain", "break",
    "stun", "grenade", "spray", "dispersal", "truncheon", "kettle", "charge"})
LETHAL_FORCE_WORDS = frozenset({"kill", "shoot", "live", "bullet", "ammunition", "dead", "death", "die",
                                "beat", "injure", "wound", "fire", "gunfire", "brutally", "torture"})
RIOT_WORDS = frozenset({
    "stone", "rock", "petrol", "molotov", "torch", "vandalise", "vandalize", "smash", "burn", "loot",
    "violent", "riot", "rioter", "clash", "hurl", "throw", "pelt", "firecracker", "barricade", "storm",
    "ransack", "arson", "brick", "attack"})
MOB_WORDS = frozenset({"mob", "villager", "vigilante", "lynch", "crowd", "angry", "mobs", "communal"})
NONSTATE_ACTORS = frozenset({
    "rebel", "militant", "insurgent", "jihadist", "terrorist", "militia", "gunman", "guerrilla", "separatist",
    "islamic", "isis", "isil", "daesh", "taliban", "shabaab", "shabab", "al-shabaab", "al-shabab", "boko",
    "houthi", "houthis", "qaeda", "aqap", "hezbollah", "hamas", "pkk", "ypg", "sdf", "opposition", "insurgency",
    "fighter", "mujahideen", "extremist", "faction", "tribesman", "armed", "group", "wagner", "naf",
    "ansar", "jamaat", "front", "ltte", "fdlr", "m23", "maoist", "naxal"})
STATE_ACTORS = frozenset({
    "army", "military", "government", "troop", "soldier", "force", "police", "regime", "security",
    "ministry", "state", "national", "federal", "coalition", "navy", "marine", "defence", "defense",
    "armed forces", "pro-government", "loyalist", "administration", "trooper", "unit"})
FOREIGN_OCCUPIER_CUES = frozenset({"foreign", "occupying", "invading", "occupation"})
NONVIOLENT_CUES = ("without a fight", "without fighting", "without resistance", "without any resistance",
                   "no resistance", "unopposed", "no fighting", "whether fighting", "without a shot",
                   "handed over", "hand over", "handover", "handed control", "vacated", "abandoned",
                   "withdrew", "withdrawn", "withdrawal", "pulled out", "deserted", "evacuated")
"""A capture told with one of these is a non-violent transfer of territory (ACLED codes a capture that
the report does not say was fought over this way)."""

TERRITORY_WORDS = frozenset({
    "town", "city", "village", "area", "territory", "region", "district", "province", "control",
    "neighbourhood", "neighborhood", "hill", "base", "airport", "airbase", "border", "crossing", "road",
    "highway", "bridge", "port", "island", "settlement", "suburb", "countryside", "locality", "oblast",
    "governorate", "county", "position", "stronghold", "outpost", "valley", "front", "municipality",
    "hamlet", "commune", "capital", "zone", "strip", "bank", "coast", "peninsula", "site", "checkpoint",
    "camp", "enclave", "part", "most", "rest", "height", "mountain", "plant", "field", "dam"})
BASE_OBJECTS = frozenset({"base", "basis", "post", "headquarters", "hq", "checkpoint", "camp", "outpost", "point",
                          "garrison", "station", "position"})
TROOP_OBJECTS = frozenset({"troop", "soldier", "force", "unit", "battalion", "brigade", "personnel", "army",
                           "military", "reinforcement", "division", "reservist", "police", "policeman",
                           "tank", "warship", "jet", "aircraft", "missile", "system", "contingent", "marine",
                           "fighter", "peacekeeper", "officer", "conscript", "man", "men", "weapon", "sailor"})
MOBILISED_OBJECTS = TROOP_OBJECTS | frozenset({"reserve", "recruit", "citizen", "men", "people", "resident",
                                                 "draftee", "volunteer", "population"})
PRISONER_WORDS = frozenset({"prisoner", "detainee", "hostage", "captive", "body", "pow", "soldier", "fighter",
                            "inmate", "activist", "journalist", "sailor", "crew"})
RESTRICTION_OBJECTS = frozenset({"curfew", "ban", "sanction", "restriction", "blockade", "embargo", "siege",
                                 "lockdown", "measure", "emergency", "law", "control", "limit"})
RELATION_OBJECTS = frozenset({"relation", "tie", "link", "aid", "assistance", "talk", "negotiation",
                              "cooperation", "mediation", "program", "programme", "flight", "contact"})
ACCIDENT_CUES = frozenset({"gas", "boiler", "tank", "cylinder", "factory", "plant", "mine", "pipeline",
                           "refinery", "warehouse", "fireworks", "chemical", "fuel", "train", "accident",
                           "accidental", "short-circuit", "leak", "reactor", "oil", "tanker", "depot",
                           "workers", "worker", "industrial"})
VEHICLES = frozenset({"plane", "aircraft", "jet", "helicopter", "bus", "train", "car", "truck", "vehicle",
                      "boat", "ship", "ferry", "vessel", "airliner", "flight", "lorry", "van", "motorcycle",
                      "coach", "minibus", "tanker", "jetliner"})
WEATHER_CUES = frozenset({"heavy", "torrential", "monsoon", "tropical", "winter", "snow", "rain", "flood",
                          "wind", "storm", "hurricane", "typhoon", "cyclone", "thunderstorm", "hail"})
LABOUR_CUES = frozenset({"worker", "union", "employee", "staff", "teacher", "nurse", "doctor", "driver",
                         "miner", "docker", "wage", "pay", "pension", "walkout", "labour", "labor", "industrial",
                         "strike", "pilot", "transport", "general", "nationwide", "hunger"})

# --------------------------------------------------------------------------- refusals

ABSTRACT_OBJECTS = frozenset({
    "proposal", "plan", "idea", "policy", "decision", "remark", "comment", "statement", "bill", "law",
    "report", "claim", "record", "reform", "budget", "critic", "criticism", "approach", "strategy",
    "credibility", "character", "reputation", "notion", "view", "position_paper", "stance", "deal",
    "agreement", "rule", "ruling", "measure", "move", "initiative", "program", "programme", "article",
    "book", "film", "speech", "argument", "theory", "opponent", "rival", "media", "press", "tweet", "post",
    "problem", "issue", "question", "inflation", "poverty", "corruption", "cancer", "disease", "virus",
    "climate", "crime", "unemployment", "fraud", "terrorism", "extremism", "illness", "addiction",
    "hunger", "obesity", "racism", "discrimination", "injustice", "fire", "wildfire", "covid", "pandemic",
    "infection", "odds", "trend", "market", "price", "imagination", "attention", "moment", "opportunity",
    "initiative", "lead", "title", "championship", "trophy", "victory", "win", "heart", "mood", "balance",
    "chord", "note", "tone", "pose", "bargain", "nerve", "spotlight", "headline", "vote", "seat"})
"""Objects that make 'attacked / fought / captured / seized X' a figure of speech: "he attacked the
proposal", "the fight against inflation", "captured the imagination", "seized the opportunity"."""
NON_EVENT_HEADS = frozenset({
    "song", "music", "singer", "anthem", "art", "poster", "sign", "banner", "placard", "vote", "movement",
    "leader", "group", "organizer", "organiser", "site", "camp", "letter", "note", "slogan", "chant", "album",
    "label", "culture", "tradition", "party", "candidate", "price", "zone", "force", "team", "squad",
    "rifle", "weapon", "drill", "exercise", "tactic", "capability", "plane", "aircraft", "ship", "carrier",
    "helicopter", "jet", "drone", "submarine", "dog", "vehicle", "boat", "craft", "team", "unit", "brigade",
    "group", "mission", "range", "force", "policy", "mode", "speed", "rate", "threat", "risk", "warning",
    "alert", "shelter", "siren", "test", "system", "defence", "defense", "fund", "bond", "market"})
"""A trigger noun used to name a thing, not an event: "a protest song", "strike price", "assault rifle",
"attack helicopter", "air strike capability"."""
MEDICAL_MODIFIERS = frozenset({"heart", "panic", "anxiety", "asthma", "cardiac", "migraine", "seizure"})
ABSTRACT_SUBJECTS = frozenset({
    "price", "share", "stock", "market", "index", "currency", "dollar", "euro", "bond", "economy", "rate",
    "inflation", "sale", "profit", "revenue", "color", "colour", "schedule", "idea", "view", "interest",
    "value", "team", "player", "club", "side"})
SPORT_WORDS = frozenset({"match", "game", "goal", "league", "championship", "tournament", "cup", "score",
                         "season", "coach", "striker", "midfielder", "defender", "team", "fan"})
FIGURATIVE_MODIFIERS = frozenset({"charm", "diplomatic", "media", "public-relations", "pr", "legal", "court",
                                  "political", "verbal", "rhetorical", "propaganda", "price", "lucky",
                                  "courtroom", "uphill", "bidding", "custody", "election", "electoral"})
"""'a charm offensive', 'a legal battle', 'a political fight': the noun is not a fight."""

# --------------------------------------------------------------------------- realis

MODAL_AUX = frozenset({"will", "would", "shall", "may", "might", "could", "should", "must", "can", "ca", "wo",
                       "'ll", "'d"})
IRREALIS_GOVERNORS = frozenset({
    "plan", "prepare", "threaten", "vow", "pledge", "promise", "seek", "try", "attempt", "want", "intend",
    "aim", "hope", "expect", "refuse", "fail", "decide", "agree", "call", "urge", "order", "need",
    "propose", "offer", "consider", "mull", "ready", "able", "likely", "willing", "prepared", "set",
    "demand", "ask", "push", "threat", "plot", "scheme", "fear", "risk", "avoid", "prevent", "stop",
    "deter", "thwart", "foil", "deny", "ban", "forbid", "oppose", "reject", "plot", "allow", "permit",
    "authorize", "authorise", "request", "advocate", "support", "favour", "favor", "would",
    "tell", "instruct", "encourage", "invite", "persuade", "force", "pressure", "press"})
"""Verbs (and adjectives) whose complement has not happened: "is preparing to launch", "vowed to retake",
"called for a ceasefire", "threatened an attack"."""
IRREALIS_NOUNS = frozenset({"plan", "threat", "fear", "risk", "call", "demand", "possibility", "prospect",
                            "warning", "attempt", "bid", "intention", "preparation", "readiness", "danger",
                            "proposal", "talk", "rumour", "rumor", "scenario", "prevention", "goal", "anticipation",
                            "preparation"})
"""'plans for an offensive', 'the threat of an attack', 'fears of a strike' report no attack."""
REALIS_GOVERNORS = frozenset({"continue", "begin", "start", "manage", "keep", "resume", "proceed", "go",
                              "succeed", "use", "come", "move", "rush", "help", "be", "have", "get"})
"""Verbs whose 'to' complement did happen: "continued to shell", "managed to seize"."""
PURPOSE_HEADS = frozenset({
    "mobilisation", "mobilization", "mobilise", "mobilize", "prepare", "preparation", "deploy", "deployment",
    "train", "training", "gather", "mass", "ready", "plan", "call", "troop", "soldier", "reinforcement",
    "weapon", "equipment", "reservist", "conscript", "build-up", "buildup", "concentration", "force",
    "redeploy", "assemble", "stockpile", "drill", "exercise", "support", "aid", "funding", "money"})
"""'for' + trigger noun after these is a purpose: "mobilised 300,000 soldiers for a fresh assault"."""
NEGATION_DETS = frozenset({"no", "neither", "never"})
CONDITION_MARKS = frozenset({"if", "unless", "whether", "lest"})
SPEECH_OF_INTENT = frozenset({"say", "announce", "declare", "state", "tell", "confirm", "indicate",
                              "signal", "insist", "report"})

