from briefing.stores.location import StoreLocation
from briefing.stores.postgres import OfficeStore
from briefing.memory.model import Unit
from briefing.model import Language
from briefing.terms.model import Entry, Term

def test_smoke(pg_server, pg_database):
    with OfficeStore.open(StoreLocation.parse(pg_server.socket_address(pg_database))) as store:
        e = store.termbase.add(Entry("", [Term("국방부", Language.KO), Term("Ministry of National Defense", Language.EN)]))
        print(e, store.termbase.entries(), store.termbase.revision, store.termbase.search("defense"))
        print(store.memory.add_many([(Unit(Language.KO, "제23차 한미 국방장관 회의가 서울에서 열렸다.", "The 23rd meeting was held in Seoul."), None)]*2))
        print(store.memory.lookup("제24차 한미 국방장관 회의가 서울에서 열렸다.", Language.KO))
        print(store.memory.lookup("제24차 한미 국방장관 회의가 부산에서 열렸다.", Language.KO))
        print(store.size(), store.user)
