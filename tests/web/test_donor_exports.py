"""The donor exports in the web app: the funder report downloaded as an Excel
workbook and recorded as submitted to the donor with a note (asked first,
after the figures), the list of submissions with a submission's page,
workbook and its changes in words, and a project's IATI file."""
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

    # Workshops listed apart say why, on the page and in the workbook
    apart = app.section('Workshops with unknown or estimated dates').text
    assert 'No dates recorded: it may have been held in this period or in any other' in apart
    assert all(w['Why listed apart'] for w in workshops)

    # Recording it as submitted comes after the figures, and asks first
    assert app.d.execute_script(
        "return !!(document.querySelector('.report').compareDocumentPosition("
        "document.querySelector('.submit-report')) & Node.DOCUMENT_POSITION_FOLLOWING)")
    before = len(app.api('/api/v1/reports/submissions')['items'])
    app.fill('Note (to whom, why)', 'Annual figures to DG INTPA')
    app.button('Record as submitted…').click()
    dialog = app.dialog()
    assert 'can never be changed or deleted' in dialog.text and 'Nothing is sent to the donor' in dialog.text
    assert 'Annual figures to DG INTPA' in dialog.text
    app.screenshot('report-funder-submit-confirm')
    app.button('Cancel', within=dialog).click()
    app.wait(lambda: not app.d.find_elements(By.CSS_SELECTOR, 'dialog[open]'))
    assert len(app.api('/api/v1/reports/submissions')['items']) == before
    app.button('Record as submitted…').click()
    app.button('Record as submitted', within=app.dialog()).click()
    app.notice('Recorded as submitted')
    submission = app.api('/api/v1/reports/submissions')['items'][0]
    assert submission['note'] == 'Annual figures to DG INTPA' and submission['params']['organization_id'] == '8'
    app.screenshot('report-funder-submitted')

    app.navigating(lambda: app.link('See all submissions').click())
    assert app.heading() == 'Submitted reports'
    assert 'Annual figures to DG INTPA' in app.section('Submissions').text
    sid = submission['id']
    assert app.link(f'Page {sid}').get_attribute('href').endswith(f'/api/v1/reports/submissions/{sid}?format=html&lang=en')
    name, body = app.download(f'Workbook {sid}')
    assert name == f'submission-{sid}-funder.xlsx' and 'Dates uncertain' in openpyxl.load_workbook(io.BytesIO(body)).sheetnames
    app.button(f'Changes {sid}').click()
    app.wait(lambda: 'No figure has changed since it was submitted.' in app.d.find_element(By.TAG_NAME, 'main').text)
    app.check_screen('report-submissions-changes')

    # A headcount corrected after it was sent: the change reads in words
    fraud = next(w for w in report['dates_uncertain']['workshops'] if w['title'] == 'Fraudulent Travel Document Examination Training')
    app.api(f'/api/v1/workshops/{fraud["workshop_id"]}', {'reported_participants': 32}, method='PATCH')
    app.button(f'Changes {sid}').click()
    app.wait(lambda: 'Reported headcount' in app.section(f'Changes since submission {sid}').text)
    changes = app.section(f'Changes since submission {sid}')
    row = changes.find_element(By.XPATH, ".//tr[contains(., 'Reported headcount') and contains(., 'Fraudulent')]")
    text = row.text
    assert f'Fraudulent Travel Document Examination Training (workshop {fraud["workshop_id"]})' in text
    assert '30' in text and '32' in text
    assert 'coord — Workshop: Updated (changed: reported participants)' in text
    assert 'results[' not in changes.text and 'workshops[' not in changes.text
    app.check_screen('report-submissions-changes-words')

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
