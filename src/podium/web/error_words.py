"""A refusal in a fan's words, for the error pages: the API keeps its exact
problems (file, field, pydantic's type codes); a page says what was wrong
with the address and what would work, with no field names, type codes or
command names."""

from __future__ import annotations

import re

from podium.errors import Problem

TITLES = {
    400: "Something in this address is not right",
    401: "Sign-in needed",
    403: "Not allowed",
    404: "Not found",
    405: "Not available here",
    409: "In conflict with the stored data",
    413: "Too large",
    422: "Something in this address is not right",
    429: "Too many requests: try again in a moment",
    500: "Something went wrong on our side",
    503: "Busy: try again in a moment",
}

WHAT = {
    "number": "a round number",
    "round_number": "a round number",
    "after": "a round number",
    "as_of": "a revision number or a date",
    "season_id": "a season",
    "class_code": "a class",
    "championship": "a championship",
    "slug": "a name",
    "session": "a session name",
    "q": "a search",
    "limit": "a count",
    "offset": "a count",
}
"""What a path or query parameter is, in words."""

LABEL = {"after": "standings after", "as_of": "as of", "q": "search"}

SHOULD = (
    (re.compile(r"a valid integer.*"), "a whole number, such as 9"),
    (re.compile(r"greater than or equal to (\S+)"), r"at least \1"),
    (re.compile(r"less than or equal to (\S+)"), r"at most \1"),
    (re.compile(r"greater than (\S+)"), r"more than \1"),
    (re.compile(r"less than (\S+)"), r"less than \1"),
    (re.compile(r"at most (\d+) characters?"), r"at most \1 characters long"),
    (re.compile(r"match pattern .*"), "letters, digits and dashes"),
)


def _type_code(expected: str) -> bool:
    """FastAPI's validation problems carry pydantic's code (int_parsing)."""
    return re.fullmatch(r"[a-z]+(_[a-z]+)*", expected) is not None


def _sentence(text: str) -> str:
    text = text.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."


def _found(problem: Problem) -> str:
    return problem.found.strip().strip("'\"")


def in_words(problem: Problem, status: int) -> str:
    """One problem as a sentence a fan reads."""
    if problem.field == "(request)":  # the router's own 404, 405, ...
        if status == 404:
            return "There is no page at this address."
        if status == 405:
            return "This address can be read, not changed."
        return _sentence(problem.message)
    if problem.field == "(server)":
        return "Something went wrong on our side; it has been logged."
    if problem.file in ("path", "query") and _type_code(problem.expected):
        return _invalid_parameter(problem)
    if problem.file == "query" and problem.field in LABEL:
        # podium's own check of a query (as_of): its message is in words already.
        label = LABEL[problem.field]
        text = f"“{label}”: {problem.message}"
        if problem.found:
            text += f" (“{_found(problem)}”)"
        if problem.expected:
            text += f"; give {problem.expected}"
        return _sentence(text)
    return _sentence(problem.message)


def _invalid_parameter(problem: Problem) -> str:
    what = WHAT.get(problem.field, "valid")
    should = problem.message.removeprefix("Input should be ").removeprefix("String should ")
    for pattern, words in SHOULD:
        if pattern.search(should):
            should = pattern.sub(words, should)
            break
    if problem.expected == "missing":
        return f"This page needs {what}."
    value = _found(problem)
    if problem.file == "path":
        return f"“{value}” in the address is not {what}: it should be {should}."
    label = LABEL.get(problem.field, problem.field.replace("_", " "))
    return f"“{value}” for “{label}” is not {what}: it should be {should}."
