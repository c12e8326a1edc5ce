"""The words and phrases the outreach request checker looks for, one table per rule.

Kept apart from the rules in `outreach.py` so the lists can grow without hiding the logic.
All patterns are case-insensitive unless written otherwise.
"""

from __future__ import annotations

import re


def _rx(*patterns: str) -> list[re.Pattern[str]]:
    return [re.compile(p, re.IGNORECASE) for p in patterns]


WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*")


# A greeting ends at a comma, "!", ":" or the end of its line ("Dear Dr. Kim,", "Hi Ana\n").
GREETING = re.compile(
    r"^\s*(?:hi|hello|hey|dear|greetings|good (?:morning|afternoon|evening))\b"
    r"(?:[^\n,!:.?]|(?:dr|mr|mrs|ms|prof)\.){0,40}(?:[,!:]|(?=\n))[ \t]*\n?",
    re.IGNORECASE,
)


PLEASANTRY = re.compile(
    r"^(?:i )?(?:hope|trust) (?:you|this|all|your|that)\b|^how are you\b|^happy (?:new year|monday|friday|holidays)\b",
    re.IGNORECASE,
)


SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)|\n")


# A full stop after these does not end a sentence ("Dr. Kim", "e.g. a call", "J. Smith").
ABBREVIATIONS = frozenset(
    ("mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "inc", "ltd", "co", "corp", "vs", "etc", "eg", "ie", "e.g", "i.e", "no", "approx", "dept", "univ")
)  # fmt: skip


CONNECTION = _rx(
    # a referral
    r"\b(?:suggested|recommended|mentioned|advised|encouraged me)\b[^.!?\n]{0,30}\b(?:reach out|contact|get in touch|talk|speak|write|connect|email|message|you)\b",
    r"\breferred me\b",
    r"\bpointed me (?:to|toward|towards|your way|in your direction)\b",
    r"\b(?:gave|passed (?:along|on)|shared) (?:me )?your (?:name|email|details|contact)",
    r"\bintroduc(?:ed|ing) (?:me|us)\b",
    r"\bmutual (?:friend|contact|connection|colleague)",
    r"\bsaid you\b",
    # an event or a meeting
    r"\b(?:met|meeting|heard|saw|seeing|watched|listened to|caught) you\b",
    r"\bwe (?:met|spoke|chatted|talked|connected)\b",
    r"\byour (?:talk|presentation|panel|keynote|session|workshop|webinar|lecture|demo|remarks)\b",
    r"\b(?:meetup|conference|event|fair|summit|workshop|webinar|mixer|hackathon|expo|forum)\b",
    # alumni and common ground
    r"\bfellow (?:[\w'’.-]+ ){0,3}?(?:alum\w*|graduate|grad|student|member|parent|volunteer|"
    r"\w+(?:er|or|ist|ian|ant))\b",
    r"\balumn(?:i|us|a|ae)\b|\balum\b",
    r"\bwe both\b|\bwe share\b|\bin common\b",
    r"\b(?:also|too) (?:studied|graduated|went to|worked at|taught)\b",
    r"\bclass of\b",
    r"\bsame (?:school|university|college|program|programme|bootcamp|course|team)\b",
    # their work
    r"\b(?:came across|read|saw|watched|heard|found|enjoyed|loved) your\b",
    r"\byour (?:recent |latest )?(?:article|post|piece|essay|blog|book|paper|interview|podcast|episode|newsletter|thread|video|work|profile|comments?|research|writing|case study|portfolio|story)\b",
)


ABOUT_ME = re.compile(r"^\s*(?:my name is|i am|i'm|i’m|i have|i've|let me introduce)\b", re.I)


JOB_WORDS = _rx(
    r"\bjobs?\b",
    r"\b(?<!eye-)(?<!eye )openings\b",
    r"\b(?<!eye-)(?<!eye )opening\b(?!\s+(?:in|on) your (?:calendar|schedule|diary|week|day))",
    r"\bhir(?:e|es|ed|ing)\b",
    r"\bpositions?\b(?! to\b)",
    r"\br[ée]sum[ée]s?\b",
    r"\bCVs?\b",
    r"\bvacanc(?:y|ies)\b",
    r"\binternships?\b",
    r"\brecruit(?:s|ed|ing|er|ers|ment)?\b",
    r"\bemployment\b",
    r"\bappl(?:y|ying|ied)\s+(?:for|to|at)\s+(?:a |an |the |this |your |their )?"
    r"(?:jobs?|roles?|positions?|openings?|internships?|company|team|firm)\b",
    r"\bmy application\b",
    r"\b(?:open|available|vacant) roles?\b",
    r"\bcareer opportunit(?:y|ies)\b",
    r"\bopportunit(?:y|ies) (?:at|with|on|in) (?:your|the)\b",
    r"\b(?:could|can|would|will) you (?:please )?refer me\b",
    r"\bput in a good word\b",
)


# "In a similar position" is about my situation, not a vacancy.
SITUATION = re.compile(r"\b(?:in|into) (?:a|an|the|my|your|this|that)(?: \w+)?\s*$", re.I)


BROAD = _rx(
    r"\blearn(?:ing|ed)?\b",
    r"\badvice\b|\bguidance\b|\binsights?\b|\bperspective\b",
    r"\b(?:your|their) (?:path|journey|experience|story|career|thoughts|take|view|work)\b",
    r"\bexplor(?:e|es|ed|ing)\b",
    r"\bcurious\b",
    r"\bhear (?:about|how|what|more|your)\b",
    r"\bunderstand(?:ing)?\b",
    r"\bhow you (?:got|moved|made|became|went|found|built|started|ended up|approached|chose)\b",
    r"\bwhat (?:it'?s|it is|it was) like\b",
    r"\bpick your brain\b",
)


NARROW = _rx(
    r"\bjoin(?:ing)? (?:your|the|their) (?:team|company|firm|organi[sz]ation|staff|group)\b",
    r"\b(?:work|working) (?:at|for|with|on) (?:your|the) (?:company|team|firm|organi[sz]ation)\b",
    r"\b(?:work|working) for you\b",
    r"\bfoot in the door\b",
    r"\bbe(?:come)? (?:a )?part of (?:your|the) (?:team|company)\b",
    r"\b(?:opportunities|openings|roles|positions|vacancies) (?:at|with|on|in) (?:your|the) (?:company|team|firm)\b",
    r"\binterested in your (?:company|firm|team)\b",
)


NUMBER_WORDS = {
    "five": 5, "ten": 10, "fifteen": 15, "twenty": 20, "twenty-five": 25, "thirty": 30,
    "forty": 40, "forty-five": 45, "fifty": 50, "sixty": 60, "ninety": 90,
}  # fmt: skip


NUMBER = r"(\d{1,3}|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")"


MINUTES = re.compile(
    NUMBER + r"(?:\s*(?:-|–|to|or)\s*" + NUMBER + r")?\s*-?\s*(?:minutes?|mins?)\b",
    re.IGNORECASE,
)


OTHER_LENGTHS = [
    (re.compile(r"\bhalf[ -](?:an[ -])?hour\b", re.I), 30),
    (re.compile(r"\bquarter[ -](?:of[ -])?(?:an[ -])?hour\b", re.I), 15),
    (re.compile(r"(?<!half )(?<!half-)\b(?:an|one|1)[ -]hour\b", re.I), 60),
    (re.compile(r"\b(\d|two|three)[ -]hours?\b", re.I), 120),
    (re.compile(r"\blunch\b", re.I), 60),
    (re.compile(r"\b(?:an|a whole|a full|the whole) (?:afternoon|morning|day)\b", re.I), 180),
]


EASY = _rx(
    r"\b(?:phone|call|video|zoom|teams|coffee)\b",
    r"\b(?:suits|suit|works for|convenient for|fits|best for|easiest for|easier for) you\b",
    r"\byour (?:schedule|calendar|convenience|choice)\b",
    r"\bflexible\b|\bwhenever\b|\bwhichever\b|\bwherever\b",
)


MINE = _rx(
    r"\bI(?:'ll|’ll| will| shall)\s+(?:\w+\s+)?(?:follow[ -]up|reach out|call|ring|email|e-mail|"
    r"message|write|get in touch|be in touch|check (?:back|in)|send|try (?:you|again)|"
    r"contact you|circle back|drop you|ping you|follow)\b",
    r"\bI (?:plan|intend|am going|'m going|’m going) to (?:follow[ -]up|reach out|call|email|check)\b",
)


THEIRS = _rx(
    r"\blet me know\b",
    r"\bhope to hear\b",
    r"\blook(?:ing)? forward to (?:hearing|your (?:reply|response))\b",
    r"\b(?:get|getting|write|writing) back to me\b",
    r"\bhear back\b",
    r"\bawait(?:ing)? your (?:reply|response|answer)\b",
    r"\bfeel free to (?:reach out|contact|email|call|reply|write)\b",
    r"\bat your (?:earliest )?convenience\b",
    r"\bplease (?:reply|respond|write back|get in touch)\b",
    r"\bif you(?:'re| are) (?:interested|available|willing|open to it)\b",
)


BLANKS = [
    re.compile(r"\{[^{}\n]*\}"),
    re.compile(r"\[[^\[\]\n]{1,80}\]"),
    re.compile(r"<[^<>@\n]{1,40}>"),
    re.compile(r"\b(?:XXX+|TODO|TBD)\b"),
]
