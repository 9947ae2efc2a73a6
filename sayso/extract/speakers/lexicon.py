"""Lexicons for speaker resolution: role titles, ranks, honorifics, demonyms, pronouns.

Every entry is lower case and written the way :func:`sayso.extract.speakers.words.norm`
normalises a word (British spelling, no trailing full stop). Nothing here names a
person; the tables hold English newsroom vocabulary and a few well-known
organisations whose several English names (and acronyms) refer to one body.
"""
from __future__ import annotations

# American -> British spelling, applied to every word before matching and to roles.
SPELLING = {
    "defense": "defence",
    "organization": "organisation",
    "center": "centre",
    "counselor": "counsellor",
    "labor": "labour",
}

# Head nouns that make a phrase a role title ("Defence *Minister*", "the *representative* of").
ROLE_TITLES = frozenset({
    "minister", "president", "premier", "chancellor", "secretary", "spokesman",
    "spokeswoman", "spokesperson", "representative", "commander", "chief", "director",
    "governor", "mayor", "ambassador", "envoy", "adviser", "advisor", "leader", "senator",
    "congressman", "congresswoman", "lawmaker", "official", "officer", "chairman",
    "chairwoman", "chairperson", "chair", "ceo", "executive", "founder", "king", "queen",
    "prince", "princess", "pope", "emir", "sultan", "sheikh", "monarch", "judge",
    "prosecutor", "analyst", "economist", "aide", "lawyer", "professor", "coach",
    "mp", "deputy", "head", "negotiator", "diplomat", "ombudsman", "speaker", "strongman",
    "taoiseach", "ayatollah", "general", "admiral", "colonel", "marshal", "commissioner",
    "attorney", "inspector", "captain", "president-elect", "boss", "mediator", "spokesman",
    "researcher", "scientist", "historian", "editor", "correspondent", "chairperson",
    "manager", "treasurer", "auditor", "regulator", "trustee", "councillor", "councilor",
    "sheriff", "archbishop", "bishop", "imam", "rabbi", "commentator", "pollster", "strategist",
})

# Two-word titles whose head is the whole pair ("prime minister" is not a plain minister).
COMPOUND_TITLES = frozenset({
    "prime minister", "attorney general", "secretary general", "secretary-general",
    "vice president", "supreme leader", "chief executive", "head of state",
    "chief of staff", "commander in chief", "commander-in-chief", "secretary of state",
    "head of government", "foreign secretary", "home secretary", "general secretary",
    "director general", "director-general",
})

# Portfolio / branch words that specialise a title; a description's portfolio words
# must all be in the matched person's role ("defence minister" never matches "Foreign Minister").
PORTFOLIO_WORDS = frozenset({
    "defence", "foreign", "interior", "finance", "economy", "economic", "health",
    "justice", "education", "energy", "agriculture", "trade", "culture", "environment",
    "transport", "home", "internal", "military", "security", "intelligence", "press",
    "presidential", "digital", "infrastructure", "labour", "industry", "communications",
    "army", "navy", "naval", "air", "police", "border", "regional", "state",
})

# Qualifiers that change who holds the role: they must agree between description and person.
ROLE_QUALIFIERS = frozenset({"deputy", "vice", "former", "ex", "assistant", "acting"})

# Other words a title phrase may carry without changing the role.
ROLE_ADJECTIVES = frozenset({
    "senior", "top", "chief", "first", "new", "current", "incoming", "outgoing",
    "general", "national", "special", "grand", "royal", "permanent", "main",
})

# Generic leader descriptions ("the embattled Ukrainian leader") and the roles they fit
# (with an organisation, "the union leader", ORG_LEADER_ROLES below).
GENERIC_LEADER_WORDS = frozenset({"leader", "strongman", "boss", "head of state", "head of government"})
LEADER_ROLES = frozenset({
    "president", "prime minister", "premier", "chancellor", "leader", "king", "queen",
    "emir", "sultan", "monarch", "supreme leader", "taoiseach", "head of state",
    "head of government",
})

# Roles of a person who heads an organisation: "the union leader" / "the institute's head"
# fits the holder of one of these roles in that organisation (a general secretary, a chair ...).
ORG_LEADER_ROLES = frozenset({
    "leader", "head", "chief", "chair", "chairman", "chairwoman", "chairperson", "president",
    "director", "director general", "director-general", "general secretary", "secretary general",
    "secretary-general", "chief executive", "ceo", "governor",
})

# Military ranks, written before a name ("Major General Kovalchuk", "Lt. Gen. Naev").
RANKS = frozenset({
    "general", "lieutenant", "colonel", "major", "brigadier", "admiral", "captain",
    "sergeant", "marshal", "commodore", "corporal", "gen", "lt", "col", "maj", "brig",
    "adm", "capt", "sgt", "vice", "rear", "field", "lieut", "cmdr",
})

# Honorifics before a name, with the grammatical gender they imply (None: unknown).
HONORIFICS = {
    "mr": "m", "mrs": "f", "ms": "f", "miss": "f", "madam": "f", "dame": "f", "lady": "f",
    "sir": "m", "lord": "m", "dr": None, "prof": None, "rev": None, "mx": None,
}

# Kinship words naming a person ("her son Kody Cook"), with the gender they imply.
RELATION_GENDER = {
    **dict.fromkeys(("son", "father", "husband", "brother", "boyfriend", "dad", "grandfather", "grandson",
                     "uncle", "nephew", "stepson", "stepfather", "fiancé"), "m"),
    **dict.fromkeys(("daughter", "mother", "wife", "sister", "girlfriend", "mom", "mum", "grandmother",
                     "granddaughter", "aunt", "niece", "stepdaughter", "stepmother", "fiancée"), "f"),
}

# Head nouns of organisation phrases ("the military *intelligence* of Ukraine").
ORG_WORDS = frozenset({
    "ministry", "government", "intelligence", "directorate", "agency", "army", "forces",
    "force", "military", "command", "staff", "council", "committee", "office",
    "department", "service", "services", "police", "kremlin", "pentagon", "commission",
    "parliament", "assembly", "court", "party", "bank", "company", "corporation", "inc",
    "ltd", "group", "union", "organisation", "alliance", "institute", "university",
    "embassy", "administration", "cabinet", "headquarters", "navy", "guard", "authorities",
    "authority", "prosecutors", "regime", "bureau", "federation",
    "commissariat", "secretariat", "duma", "senate", "congress", "mission", "network",
    "association", "society", "board", "foundation", "confederation", "fund", "institution",
})

# Words an organisation description may carry that a name need not contain
# ("the country's central bank" is still "Central Bank of Nigeria").
ORG_DESCRIPTION_FILLER = frozenset({"country", "nation", "state-run", "local"})

# Generic person nouns: an unresolved phrase headed by one becomes a person entity.
PERSON_NOUNS = frozenset({
    "source", "expert", "witness", "resident", "soldier", "man", "woman",
    "official", "diplomat", "observer", "activist", "journalist", "doctor",
    "person", "spokesman", "spokeswoman", "spokesperson", "analyst",
})

# Plural nouns naming an unnamed group ("Port officials", "analysts"): the speaker is an
# entity of kind "other" with no role, never a person.
GROUP_NOUNS = frozenset({
    "officials", "analysts", "experts", "sources", "observers", "residents", "witnesses",
    "people", "economists", "diplomats", "activists", "journalists", "doctors", "soldiers",
    "lawmakers", "investors", "traders", "critics", "officers", "negotiators", "scientists",
    "researchers", "workers", "employees", "members", "leaders", "executives", "spokespeople",
    "insiders", "campaigners", "protesters", "farmers", "bankers", "locals",
})

# Titles of people who speak for an organisation: with no named holder in the
# article, "the representative of X" is resolved to the organisation X itself.
SPOKES_TITLES = frozenset({
    "representative", "spokesman", "spokeswoman", "spokesperson", "press secretary",
})

# Pronouns a claim speaker may be: person pronouns with gender, and group pronouns.
PERSON_PRONOUNS = {"he": "m", "she": "f", "him": "m", "her": "f", "his": "m", "hers": "f"}
GROUP_PRONOUNS = frozenset({"they", "it", "its", "their", "them"})
# Relative pronouns a claim speaker may be ("Clinton, *who* said ..."): they stand for the noun
# phrase their relative clause modifies.
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
# First-person singular speakers: inside another claim's quote they are that claim's speaker;
# elsewhere (the author of an op-ed or letter) they stay unresolved.
FIRST_PERSON = frozenset({"i", "me", "my"})
# First-person plural: inside a quote, the quoted speaker's organisation (when it is known);
# outside quotes (the author's "we") unresolved.
FIRST_PERSON_PLURAL = frozenset({"we", "us", "our"})
# Speakers that refer to nobody in particular: never resolved ("some speculated", "you can see").
NON_REFERRING = frozenset({
    "you", "your", "one", "some", "many", "most", "others", "other", "all", "few", "several",
    "someone", "somebody", "anyone", "anybody", "everyone", "everybody", "nobody", "none",
    "those", "these", "each", "both", "either", "neither", "whoever",
})
# Possessives before a title that name its organisation by reference ("Its governor, X").
OWNER_PRONOUNS = frozenset({"its", "their"})

# Nouns that, as the head of a PERSON-tagged word, show it is a place ("Donetsk regions").
PLACE_NOUNS = frozenset({
    "region", "regions", "city", "cities", "oblast", "oblasts", "province", "provinces",
    "district", "town", "village", "area", "areas", "republic", "street", "square",
    "river", "county", "territory", "territories", "border", "front", "airport", "port",
})

# Demonyms -> country (the affiliation of "the Ukrainian leader").
DEMONYMS = {
    "ukrainian": "Ukraine", "russian": "Russia", "american": "United States",
    "british": "United Kingdom", "french": "France", "german": "Germany",
    "chinese": "China", "polish": "Poland", "belarusian": "Belarus", "turkish": "Turkey",
    "israeli": "Israel", "iranian": "Iran", "indian": "India", "japanese": "Japan",
    "italian": "Italy", "spanish": "Spain", "canadian": "Canada", "australian": "Australia",
    "dutch": "Netherlands", "swedish": "Sweden", "finnish": "Finland",
    "norwegian": "Norway", "danish": "Denmark", "hungarian": "Hungary",
    "romanian": "Romania", "moldovan": "Moldova", "georgian": "Georgia",
    "estonian": "Estonia", "latvian": "Latvia", "lithuanian": "Lithuania",
    "czech": "Czech Republic", "slovak": "Slovakia", "austrian": "Austria",
    "swiss": "Switzerland", "belgian": "Belgium", "irish": "Ireland", "greek": "Greece",
    "syrian": "Syria", "iraqi": "Iraq", "saudi": "Saudi Arabia", "egyptian": "Egypt",
    "palestinian": "Palestine", "lebanese": "Lebanon", "north korean": "North Korea",
    "south korean": "South Korea", "korean": "Korea", "pakistani": "Pakistan",
    "afghan": "Afghanistan", "brazilian": "Brazil", "mexican": "Mexico",
    "argentine": "Argentina", "nigerian": "Nigeria", "kenyan": "Kenya",
    "south african": "South Africa", "taiwanese": "Taiwan", "kazakh": "Kazakhstan",
    "armenian": "Armenia", "azerbaijani": "Azerbaijan", "serbian": "Serbia",
    "croatian": "Croatia", "bulgarian": "Bulgaria", "portuguese": "Portugal",
    "us": "United States", "u.s": "United States", "uk": "United Kingdom",
    "eu": "European Union", "european": "European Union",
}

# Country names (and capitals used for governments) -> canonical country name.
COUNTRIES = {
    **{country.lower(): country for country in DEMONYMS.values()},
    "usa": "United States", "america": "United States", "united states": "United States",
    "britain": "United Kingdom", "great britain": "United Kingdom",
    "russian federation": "Russia", "kyiv": "Ukraine", "kiev": "Ukraine",
    "moscow": "Russia", "washington": "United States", "beijing": "China",
    "london": "United Kingdom", "paris": "France", "berlin": "Germany",
    "warsaw": "Poland", "minsk": "Belarus", "ankara": "Turkey", "tehran": "Iran",
}

# Well-known organisations with several English names: canonical name -> aliases.
# Acronyms match as a word anywhere in a phrase; other aliases match the whole
# normalised phrase ("Ukraine's military intelligence" = "military intelligence of ukraine").
ORG_ALIASES = {
    "Defence Intelligence of Ukraine": (
        "GUR", "HUR", "DIU", "Main Intelligence Directorate", "Main Intelligence Directorate of Ukraine",
        "Main Directorate of Intelligence of Ukraine", "military intelligence of Ukraine",
        "Defence Intelligence of Ukraine", "intelligence directorate of Ukraine",
        "Main Intelligence Directorate of the Ministry of Defence of Ukraine",
    ),
    "Security Service of Ukraine": ("SBU", "Security Service of Ukraine"),
    "GRU": ("GRU", "Russian military intelligence", "military intelligence of Russia"),
    "Federal Security Service": ("FSB", "Federal Security Service of Russia"),
    "NATO": ("NATO", "North Atlantic Treaty Organisation", "North Atlantic Alliance"),
    "United Nations": ("UN", "U.N.", "United Nations"),
    "Kremlin": ("Kremlin", "Russian presidency"),
    "Pentagon": ("Pentagon", "Department of Defence of United States", "Defence Department of United States"),
}

# Compass words end unit and region names ("Operational Command South"), never a person's.
COMPASS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"})

DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those"})
POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
# Words kept lower case when a role is written in title case.
TITLE_FUNCTION_WORDS = frozenset({"of", "the", "for", "and", "in", "on"})

# Nouns of documents and messages: "the statement said", "a tweet said" are not people; their
# author is not guessed from the text around them.
DOCUMENT_NOUNS = frozenset({
    "statement", "report", "memo", "study", "survey", "poll", "letter", "tweet", "release",
    "document", "email", "e-mail", "post", "filing", "complaint", "ruling", "decision", "court",
    "data", "figures", "analysis", "review", "audit", "paper", "book", "article", "message",
    "notice", "order", "judgment", "record", "records", "transcript", "website", "video",
})
# How far back (sentences) a definite description ("the professor", "the company") looks for
# the person or organisation the article named.
DESCRIPTION_SENTENCES = 4
# Corporate suffixes an organisation's name may carry or drop ("Samsung Electronics Co.").
ORG_SUFFIXES = frozenset({"co", "inc", "ltd", "llc", "llp", "corp", "corporation", "plc", "ag",
                          "sa", "nv", "group", "company", "limited"})
ACRONYM_SKIP = frozenset({"of", "and", "the", "for", "&", "de", "du", "des", "la", "le"})

# Common given names whose bearers are overwhelmingly of one gender, so "she" does not resolve to
# a "Kody" or "Khaled" (GGT dev: 9 of 107 wrong speakers were a pronoun given to a person of the
# other gender). Names used for both (Kim, Jordan, Alex, Sasha, Jean, Andrea …) are left out:
# their gender stays unknown, as before.
FEMALE_NAMES = frozenset("""
mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa margaret betty
sandra ashley dorothy kimberly emily donna michelle carol amanda melissa deborah stephanie rebecca
laura sharon cynthia kathleen amy shirley angela helen anna brenda pamela nicole emma samantha
katherine christine debra rachel catherine carolyn janet ruth maria heather diane virginia julie
joyce victoria olivia kelly christina lauren joan evelyn judith megan cheryl hannah martha andrea
frances gloria ann teresa kathryn sara janice julia grace judy theresa madison beverly denise
marilyn amber danielle rose brittany diana abigail natalie jane lori alexis tiffany kayla sophia
alice charlotte isabella chloe ella mia ava harper lily zoe wendy lucy eleanor irene hillary
theresa angela ursula jacinda marine nancy kamala tulsi elise nikki condoleezza madeleine
yulia iryna olena oksana natalia tatiana tatyana svetlana olga irina elena ekaterina yevgenia
maria anastasia marta liudmyla lyudmila halyna valentina vera nadia nadiya sophie claire anne
sylvie isabelle nathalie valerie veronique marie louise fatima aisha amina mariam zainab layla
leila yasmin noor priya sunita indira anjali mette sanna jacinda liz annalena angela giorgia
kaja roberta nicola penny priti suella kemi caroline erin kate katie jenny jill joanne julia
""".split())
MALE_NAMES = frozenset("""
james john robert michael william david richard joseph thomas charles christopher daniel matthew
anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward
jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin
samuel gregory frank alexander raymond patrick jack dennis jerry tyler aaron jose adam nathan henry
douglas zachary peter kyle walter ethan jeremy harold keith christian roger noah gerald carl terry
sean austin arthur lawrence jesse dylan bryan joe jordan_not billy bruce albert willie gabriel logan
ralph roy eugene randy vincent russell louis philip bobby johnny bradley mike bill tom jim bob dave
steve tony boris vladimir volodymyr oleksii oleksiy dmytro dmitry sergei serhiy sergey andriy andrei
andrey mykhailo mikhail mykola nikolai oleksandr alexei alexey yuri yuriy viktor ivan igor ihor
pavlo pavel petro pyotr vitali vitaliy vasyl maxim maksym denys denis ruslan taras bohdan kyrylo
emmanuel olaf rishi keir joe barack justin pierre jean-claude francois jacques nicolas xi narendra
recep benjamin yair mahmoud ali mohammed mohammad muhammad ahmed ahmad omar hassan hussein
abdullah ibrahim youssef mustafa tareq karim rahul raj amit sanjay vikram hans klaus jurgen wolfgang
friedrich heinz olaf gerhard helmut karl emmanuel lars jens anders mateusz andrzej jaroslaw donald
lech viktor mario matteo giuseppe silvio sergio antonio carlos luis juan pedro jorge miguel
neil doug jeff greg ken ted tim nick kurt rod
""".split()) - {"jordan_not"}

# Organisation head nouns of descriptions that stand for the organisation the story is about
# ("the company said", "the utility", "the agency"). A government, a police force, an army or a
# court is never a company named before it: those heads are not here.
ORG_DESCRIPTION_WORDS = frozenset({
    "utility", "firm", "company", "agency", "group", "union", "association", "diocese", "church",
    "school", "hospital", "airline", "carrier", "automaker", "carmaker", "retailer", "insurer",
    "lender", "broadcaster", "network", "team", "club", "league", "charity", "foundation",
    "institute", "university", "college", "manufacturer", "maker", "producer", "developer",
    "operator", "provider", "exchange", "bank", "corporation", "conglomerate", "chain", "brewery",
})
# Heads a definite description of one person has ("the professor", "the 32-year-old labourer"):
# occupations, relations and roles; with another head ("the utility", "the diocese") a
# description never becomes a person of the article.
PERSON_DESCRIPTION_WORDS = frozenset({
    "student", "teacher", "nurse", "father", "mother", "wife", "husband", "son", "daughter",
    "brother", "sister", "friend", "neighbour", "neighbor", "resident", "veteran", "player",
    "athlete", "forward", "defenceman", "defenseman", "goalie", "goaltender", "golfer", "coach",
    "actor", "actress", "singer", "author", "writer", "artist", "chef", "owner", "farmer", "driver",
    "pilot", "labourer", "laborer", "worker", "engineer", "lawyer", "doctor", "scientist",
    "researcher", "professor", "candidate", "victim", "survivor", "suspect", "accused", "defendant",
    "plaintiff", "witness", "mom", "dad", "grandmother", "grandfather", "boyfriend", "girlfriend",
    "partner", "teen", "teenager", "girl", "boy", "man", "woman", "republican", "democrat",
    "conservative", "liberal", "politician", "lawmaker", "legislator", "activist", "founder",
    "entrepreneur", "businessman", "businesswoman", "star", "winger", "pitcher", "quarterback",
    "striker", "midfielder", "rookie", "champion", "veteran", "mp", "mla", "senator", "judge",
    "mayor", "premier", "minister", "president", "leader", "spokesman", "spokeswoman", "official",
    "analyst", "economist", "expert", "historian", "journalist", "reporter", "columnist",
})
# Wire services and newspapers: a byline or credit ("The Canadian Press", "Reuters") is never
# the antecedent of "they" or "it" in the story.
NEWS_AGENCIES = frozenset({
    "canadian press", "associated press", "reuters", "afp", "agence france-presse", "ap",
    "bloomberg", "press association", "dpa", "ansa", "efe", "xinhua", "tass", "interfax",
    "ukrinform", "kyodo", "yonhap", "upi", "united press international",
})

# Particles that belong to a surname ("Bill de Blasio", "Ursula von der Leyen", "Ibn Saud").
SURNAME_PARTICLES = frozenset({
    "de", "da", "di", "du", "del", "della", "der", "den", "des", "van", "von", "ter", "ten", "la",
    "le", "al", "el", "bin", "ibn", "dos", "das", "do", "zu", "af", "st", "abu", "ben",
})
# Joiners inside one name, written without spaces around them ("Thomas-Greenfield", "al-Assad").
NAME_JOINERS = frozenset({"-", "‑", "–"})

# Newsroom periphrases for an office: (words the description has) -> (head of the office, country
# when the words imply one). "the Kremlin leader" is Russia's president; "the top US diplomat" the
# holder of the country's foreign-affairs office.
ROLE_PERIPHRASES = (
    (frozenset({"kremlin", "leader"}), ("president",), "Russia"),
    (frozenset({"kremlin", "chief"}), ("president",), "Russia"),
    (frozenset({"top", "diplomat"}), ("secretary of state", "foreign minister", "foreign secretary"), None),
    (frozenset({"chief", "diplomat"}), ("secretary of state", "foreign minister", "foreign secretary"), None),
    (frozenset({"white", "house", "occupant"}), ("president",), "United States"),
)

# Abbreviated state and province names after a city ("Ottawa, Ont.", "Sacramento, Calif."):
# places, never people.
REGION_ABBREVIATIONS = frozenset({
    "ont", "que", "alta", "sask", "man", "nfld", "calif", "fla", "tex", "mass", "penn", "wash",
    "ore", "ariz", "colo", "conn", "del", "ga", "ill", "ind", "kan", "ky", "la", "md", "mich",
    "minn", "miss", "mo", "mont", "neb", "nev", "okla", "pa", "tenn", "va", "vt", "wis", "wyo",
    "ala", "ark", "n.y", "n.j", "n.c", "s.c", "n.m", "n.d", "s.d", "w.va", "b.c", "n.s", "n.b", "p.e.i",
})
