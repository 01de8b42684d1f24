"""Subscribing to the workshops calendar: the feed address as a webcal://
link a calendar app opens, and the steps for Outlook and Google Calendar, in
English and in Chinese, on a desktop and on a phone."""
from selenium.webdriver.common.by import By


def feed(app, get_label, address_label):
    app.button(get_label).click()
    app.wait(lambda: app.field(address_label).get_attribute('value'))
    address = app.field(address_label).get_attribute('value')
    webcal = app.d.find_element(By.CSS_SELECTOR, '.webcal a').get_attribute('href')
    return address, webcal


def test_the_feed_as_a_webcal_link_with_the_steps(app):
    app.sign_in('coord')
    app.go('/calendar')
    panel = app.section('Subscribe from your calendar')
    # The steps are there before the address is: where to paste it
    assert 'Outlook: Add calendar → Subscribe from web' in panel.text
    assert 'Google Calendar (on a computer): next to Other calendars press +, choose From URL' in panel.text
    address, webcal = feed(app, 'Get feed address', 'Feed address')
    assert address.startswith(app.server.base_url + '/api/v1/calendar.ics?access_token=')
    assert webcal == 'webcal:' + address.split(':', 1)[1]
    assert app.link('Open in my calendar app').get_attribute('href') == webcal
    app.check_screen('calendar-subscribe')
    app.d.set_window_size(390, 844)
    assert app.d.execute_script('return document.documentElement.scrollWidth <= window.innerWidth')
    app.screenshot('calendar-subscribe-phone')


def test_the_steps_in_chinese(app):
    # A coordinator whose language is Chinese (their own setting)
    if 'cal_zh' not in [u['username'] for u in app.api('/api/v1/users?limit=500', username='admin')['items']]:
        app.api('/api/v1/users', {'username': 'cal_zh', 'password': 'calendar-password-zh', 'role': 'coordinator'},
                username='admin')
    app.server.users['cal_zh'] = 'calendar-password-zh'
    app.api('/api/v1/me', {'language': 'zh'}, method='PATCH', username='cal_zh')
    app.go('/signin')
    app.fill('Username', 'cal_zh')
    app.fill('Password', 'calendar-password-zh')
    app.navigating(lambda: app.button('Sign in').click())
    app.go('/calendar')
    assert app.heading() == '日历'
    panel = app.section('在日历应用中订阅')
    assert 'Outlook：选择“添加日历”→“从网络订阅”' in panel.text
    assert 'Google 日历（电脑端）：点“其他日历”旁的 +，选择“通过网址添加”' in panel.text
    address, webcal = feed(app, '获取订阅地址', '订阅地址')
    assert webcal == 'webcal:' + address.split(':', 1)[1]
    assert app.link('在日历应用中打开').get_attribute('href') == webcal
    app.check_screen('zh-calendar-subscribe')
