"""The donor exports in the web app: the funder report downloaded as an Excel
workbook and submitted to the donor with a note, the list of submissions with
a submission's frozen JSON and its changes, and a project's IATI file."""
import io
import os
import subprocess
import tempfile

import openpyxl
from selenium.webdriver.common.by import By

SCHEMA = os.path.join(os.path.dirname(__file__), '..', 'data', 'iati-2.03', 'iati-activities-schema.xsd')


def test_funder_report_workbook_submission_and_iati(app):
    app.sign_in('coord')
    app.go('/reports/funder?organization_id=8&from=2007-01-01&to=2030-12-31')
    app.wait(lambda: app.d.find_element(By.CSS_SELECTOR, '.report'))
    report = app.api('/api/v1/reports/funder?organization_id=8&from=2007-01-01&to=2030-12-31')

    name, body = app.download('Download Excel workbook')
    assert name.endswith('.xlsx')
    book = openpyxl.load_workbook(io.BytesIO(body))
    uncertain = book['Dates uncertain']
    rows = list(uncertain.iter_rows(values_only=True))
    header = rows.index(next(r for r in rows if r and r[0] == 'Workshop'))
    workshops = [dict(zip(rows[header], r)) for r in rows[header + 1:]]
    assert len(workshops) == len(report['dates_uncertain']['workshops'])
    assert sorted(w['Estimated participant-days'] or 0 for w in workshops) == \
        sorted(w['estimated_participant_days'] or 0 for w in report['dates_uncertain']['workshops'])

    app.fill('Note (to whom, why)', 'Annual figures to DG INTPA')
    app.button('Submit to donor').click()
    app.notice('Report submitted')
    submission = app.api('/api/v1/reports/submissions')['items'][0]
    assert submission['note'] == 'Annual figures to DG INTPA' and submission['params']['organization_id'] == '8'
    app.screenshot('report-funder-submitted')

    app.navigating(lambda: app.link('See all submissions').click())
    assert app.heading() == 'Submitted reports'
    assert 'Annual figures to DG INTPA' in app.section('Submissions').text
    app.button(f'Changes {submission["id"]}').click()
    app.wait(lambda: 'No figure has changed since it was submitted.' in app.d.find_element(By.TAG_NAME, 'main').text)
    app.check_screen('report-submissions-changes')

    project = next(p for p in app.api('/api/v1/projects?limit=100')['items'] if p['code'] == 'EUCDMM')
    app.go(f'/projects/{project["id"]}')
    name, xml = app.download('Export IATI')
    assert name == 'iati-EUCDMM.xml'
    with tempfile.NamedTemporaryFile(suffix='.xml', delete=False) as f:
        f.write(xml)
    try:
        run = subprocess.run(['xmllint', '--noout', '--schema', SCHEMA, f.name], capture_output=True, text=True)
    finally:
        os.unlink(f.name)
    assert run.returncode == 0, run.stderr
    app.assert_console_clean()
