"""Parse the dpv register as JSON-LD with rdflib, offline (the @context is inline), and check
that each record is a dpv:PersonalDataHandling with legal bases from the DPV GDPR extension."""
import socket
import sys

from rdflib import Graph, Namespace, RDF

DPV = Namespace("https://w3id.org/dpv#")
GDPR = Namespace("https://w3id.org/dpv/legal/eu/gdpr#")


def no_network(*args, **kwargs):
    raise OSError("the dpv document must be readable without the network")


def main(path: str) -> None:
    socket.socket.connect = no_network  # any attempt to fetch a remote context fails the check
    graph = Graph()
    graph.parse(path, format="json-ld")
    records = set(graph.subjects(RDF.type, DPV.PersonalDataHandling))
    top = [r for r in records if str(r).startswith("urn:rpcheck:record:")]
    assert len(top) == 4, f"four records, got {sorted(map(str, top))}"
    bases = set(graph.objects(None, DPV.hasLegalBasis))
    for expected in ("A6-1-a", "A6-1-b", "A6-1-c", "A6-1-e", "A6-1-f"):
        assert GDPR[expected] in bases, f"eu-gdpr:{expected} missing from {sorted(map(str, bases))}"
    print(f"dpv: {len(graph)} triples, {len(top)} records, {len(bases)} legal bases")


if __name__ == "__main__":
    main(sys.argv[1])
