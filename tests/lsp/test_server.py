"""`rpcheck server` end to end with a real LSP client (pytest-lsp): the built binary over stdio,
diagnostics, hover, a quick fix and a clean shutdown. Run by scripts/test-lsp.sh, which sets
RPCHECK_BIN to the binary under test."""

import os
import pathlib
import tempfile

import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

REPO = pathlib.Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "records" / "sociala-medier.toml"
SERVER = ClientServerConfig(
    server_command=[os.environ.get("RPCHECK_BIN", str(REPO / "target" / "debug" / "rpcheck")), "server"],
    server_env={**os.environ, "RPCHECK_TODAY": "2026-11-24"},
)


@pytest_lsp.fixture(config=SERVER)
async def client(lsp_client: LanguageClient):
    lsp_client.registrations = []

    @lsp_client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(params: types.RegistrationParams):
        lsp_client.registrations.extend(params.registrations)

    params = types.InitializeParams(capabilities=client_capabilities("visual-studio-code"))
    await lsp_client.initialize_session(params)
    yield
    await lsp_client.shutdown_session()


async def open_record(client: LanguageClient, uri: str, text: str) -> list[types.Diagnostic]:
    item = types.TextDocumentItem(uri=uri, language_id="toml", version=1, text=text)
    client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=item))
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    return list(client.diagnostics[uri])


def apply(text: str, edits: list[types.TextEdit]) -> str:
    """Apply edits to a text (positions are UTF-16; these texts are all in the BMP)."""
    lines = text.splitlines(keepends=True)

    def offset(position: types.Position) -> int:
        return sum(len(line) for line in lines[: position.line]) + position.character

    for edit in sorted(edits, key=lambda e: offset(e.range.start), reverse=True):
        text = text[: offset(edit.range.start)] + edit.new_text + text[offset(edit.range.end) :]
    return text


async def test_diagnostics_and_hover(client: LanguageClient):
    uri = EXAMPLE.as_uri()
    diagnostics = await open_record(client, uri, EXAMPLE.read_text(encoding="utf-8"))
    codes = {d.code for d in diagnostics}
    assert {"gdpr/transfer-mechanism", "gdpr/legitimate-interest-public-body"} <= codes, codes
    transfer = next(d for d in diagnostics if d.code == "gdpr/transfer-mechanism")
    assert transfer.severity == types.DiagnosticSeverity.Error
    assert transfer.source == "rpcheck"
    assert transfer.code_description.href.startswith("https://eur-lex.europa.eu/")

    position = types.Position(line=transfer.range.start.line, character=3)
    hover = await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=position)
    )
    assert hover.contents.kind == types.MarkupKind.Markdown
    assert "`gdpr/transfer-mechanism`" in hover.contents.value
    assert "[GDPR art. 44](https://" in hover.contents.value
    # The client can watch files, so the server asked it to report changes to rpcheck.toml and packs.
    assert [r.method for r in client.registrations] == [types.WORKSPACE_DID_CHANGE_WATCHED_FILES]


async def test_quick_fix_removes_the_finding(client: LanguageClient):
    project = pathlib.Path(tempfile.mkdtemp(prefix="rpcheck-e2e-"))
    (project / "rpcheck.toml").write_text("", encoding="utf-8")
    uri = (project / "r.toml").as_uri()
    text = 'schema_version = 1\nid = "r"\n\n[[transfers]]\nrecipient = "Exempel Inc."\ncountry = "USA"\nmechanism = "scc"\n'
    diagnostics = await open_record(client, uri, text)
    country = next(d for d in diagnostics if d.code == "record/schema" and d.range.start.line == 5)

    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=country.range,
            context=types.CodeActionContext(diagnostics=[country]),
        )
    )
    fix = next(a for a in actions if a.is_preferred)
    assert fix.kind == types.CodeActionKind.QuickFix
    fixed = apply(text, fix.edit.changes[uri])
    assert 'country = "US"' in fixed

    change = types.TextDocumentContentChangeWholeDocument(text=fixed)
    document = types.VersionedTextDocumentIdentifier(uri=uri, version=2)
    client.text_document_did_change(types.DidChangeTextDocumentParams(text_document=document, content_changes=[change]))
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    assert all(d.message != country.message for d in client.diagnostics[uri])
