# SPDX-License-Identifier: GPL-3.0-or-later
# Independent counts of the real schedule exports (xml.etree / json / regex, not Plaza's
# importers), from which tests/unit/schedule_real_files_test.cpp takes its expected figures.
# Usage: python3 tests/tools/count_schedule_files.py [path/to/shared/testdata/real/]
import json, re, sys, collections, os
import xml.etree.ElementTree as ET
R = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
    os.path.dirname(__file__), '..', '..', '..', 'shared', 'testdata', 'real') + '/'
def xmlcount(f):
    t=ET.parse(R+f).getroot()
    evs=[]; containers=set(); nonempty=set()
    for day in t.findall('day'):
        for room in day.findall('room'):
            containers.add(room.get('name'))
            for e in room.findall('event'):
                nonempty.add(room.get('name'))
                evs.append((e.get('id'), (e.findtext('title') or ''), e.findtext('date') or (day.get('date')+e.findtext('start')), e.findtext('room'), e.findtext('duration')))
    ids=collections.Counter(e[0] for e in evs)
    true_dups=len(evs)-len(set(evs))
    persons=set()
    for p in t.iter('person'): persons.add(p.get('id') or p.text)
    evroom=set(e[3] for e in evs)
    print(f, 'events',len(evs),'truedup',true_dups,'dupids',sum(1 for k,v in ids.items() if v>1),'rooms(containers)',len(containers),'rooms(nonempty)',len(nonempty),'evroom',len(evroom),'persons',len(persons),'days',len(t.findall('day')))
for f in ['fosdem-2024-schedule.xml','fosdem-2025-schedule.xml','31c3-schedule.xml','giggity-tests/36c3_merged.xml','giggity-tests/debconf23.xml','giggity-tests/fosdem_2021.xml']:
    xmlcount(f)
def frabjson(f):
    j=json.load(open(R+f)); c=j['schedule']['conference']
    evs=[]; rooms=set(); persons=set()
    for d in c['days']:
        for r,es in d['rooms'].items():
            for e in es:
                rooms.add(r); evs.append((e['id'],e['title'],e['date'],e['room']))
                for p in e.get('persons',[]): persons.add(p.get('code') or p.get('id') or p.get('public_name'))
    print(f,'events',len(evs),'truedup',len(evs)-len(set(evs)),'rooms',len(rooms),'persons',len(persons),'days',len(c['days']))
for f in ['camp2019-frab-schedule.json','pretalx-democon-schedule.json','pretalx-rc3-channels-schedule.json']: frabjson(f)
j=json.load(open(R+'38c3-hub-schedule2-example.json'))['schedule']
print('38c3 events',len(j['events']),'rooms',len({e['room']['name'] for e in j['events']}),'persons',len({p['guid'] for e in j['events'] for p in e['participants']}),'days',len(j['conference']['days']))
j=json.load(open(R+'coscup-2023-session.json'))
s=j['sessions']
print('coscup sessions',len(s),'dup',len(s)-len({(x['id'],x['start'],x['room']) for x in s}),'rooms',len({x['room'] for x in s}),'speakers-ref',len({p for x in s for p in x['speakers']}), 'speakers-list',len(j['speakers']),'days',len({x['start'][:10] for x in s}), 'differ', sum(1 for x in s if x['zh']['title']!=x['en']['title'] or x['zh']['description']!=x['en']['description']))
# iCalendar: unfold as bytes (CR* LF line ends, leading space/tab continues), then the speaker
# rules documented in ical_importer.cpp: ATTENDEE CN; pretalx SUMMARY "title - a, b";
# "Speaker(s): a, b and c" first description line; ORGANIZER CN when it varies between events.
def ics(f):
    data=open(R+f,'rb').read()
    data=re.sub(rb'\r*\n[ \t]',b'',re.sub(rb'\r+\n',b'\n',data)).decode('utf-8','replace')
    evs=re.findall(r'BEGIN:VEVENT\n(.*?)END:VEVENT',data,re.S)
    pretalx='pretalx' in data.split('BEGIN:VEVENT')[0]
    speakers=set(); rooms=set(); orgs=[]; keys=set()
    for e in evs:
        props=e.split('\n')
        names=[]
        for p in props:
            if p.startswith('ATTENDEE'):
                m=re.search(r'CN="?([^";:]*)',p)
                if m and m.group(1).strip(): names.append(m.group(1).strip())
        summ=[p.split(':',1)[1] for p in props if p.startswith('SUMMARY')][0].replace('\\,',',')
        if pretalx and ' - ' in summ: names+= summ.rsplit(' - ',1)[1].split(', ')
        desc=[p.split(':',1)[1] for p in props if p.startswith('DESCRIPTION')]
        if not names and desc:
            m=re.match(r'Speakers?: (.*?)\\n',desc[0]+'\\n')
            if m: names+=re.split(r', | and ',m.group(1).replace('\\,',','))
        loc=[p.split(':',1)[1].strip() for p in props if p.startswith('LOCATION')]
        if loc and loc[0]: rooms.add(loc[0].replace('\\,',','))
        org=[re.search(r'CN=([^:;]*)',p).group(1) for p in props if p.startswith('ORGANIZER')]
        if not names and org: orgs.append(org[0])
        speakers.update(n.strip() for n in names if n.strip())
        st=[p for p in props if p.startswith('DTSTART')][0]
        keys.add((st, summ, tuple(loc)))
    if len(set(orgs))>1: speakers.update(orgs)
    print(f,'events',len(evs),'distinct(start,summary,location)',len(keys),'rooms',len(rooms),'speakers',len(speakers))
for f in ['pyconau-2023-schedule.ics','pyconau-2023-schedule-as-downloaded.ics','moca-2024-schedule.ics','fosdem-2024-companion-selection.ics','giggity-tests/jres_2022.ics','giggity-tests/kielux_2020.ics','giggity-tests/linux_conf_au_2020.ics']: ics(f)
