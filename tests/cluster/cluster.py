"""A PostgreSQL 15 primary with a streaming hot standby, and capdev servers on them.

Debian's postgresql-15 binaries build both in a temporary folder: initdb, then
pg_basebackup -R for the standby. As root, PostgreSQL runs as the `postgres` user
(initdb refuses root).
"""
import http.client
import json
import os
import queue
import re
import shutil
import socket
import ssl
import subprocess
import tempfile
import threading
import time

PG_BIN = '/usr/lib/postgresql/15/bin'


def free_port():
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


def as_owner(command):
    """PostgreSQL's server programs refuse to run as root."""
    if os.geteuid() == 0:
        return ['runuser', '-u', 'postgres', '--', *command]
    return command


class Postgres:
    """One server: the primary, or a standby streaming from it."""

    def __init__(self, root, name):
        self.data = os.path.join(root, name)
        self.log = os.path.join(root, name + '.log')
        self.sockets = root
        self.port = free_port()

    @property
    def uri(self):
        return f'postgresql://capdev@127.0.0.1:{self.port}/capdev'

    def start(self):
        subprocess.run(as_owner([f'{PG_BIN}/pg_ctl', '-D', self.data, '-l', self.log, '-w', '-t', '60',
                                 '-o', f'-p {self.port} -k {self.sockets}', 'start']),
                       check=True, stdout=subprocess.DEVNULL)

    def stop(self, mode='fast'):
        subprocess.run(as_owner([f'{PG_BIN}/pg_ctl', '-D', self.data, '-m', mode, '-w', 'stop']),
                       check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def sql(self, statement, database='capdev'):
        out = subprocess.run(['psql', '-X', '-q', '-At', '-h', '127.0.0.1', '-p', str(self.port),
                              '-U', 'capdev', '-d', database, '-c', statement],
                             check=True, capture_output=True, text=True)
        return out.stdout.strip()


class Cluster:
    def __init__(self):
        self.root = tempfile.mkdtemp(prefix='capdev-cluster-')
        os.chmod(self.root, 0o755)
        if os.geteuid() == 0:
            shutil.chown(self.root, 'postgres', 'postgres')
        self.primary = Postgres(self.root, 'primary')
        self.standby = Postgres(self.root, 'standby')

    def start(self):
        p = self.primary
        subprocess.run(as_owner([f'{PG_BIN}/initdb', '-D', p.data, '-U', 'capdev', '-A', 'trust',
                                 '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']),
                       check=True, stdout=subprocess.DEVNULL)
        with open(os.path.join(p.data, 'postgresql.conf'), 'a') as conf:
            # Only what fails reaches the log: the tests provoke refusals on purpose.
            conf.write("listen_addresses = '127.0.0.1'\nlog_min_messages = fatal\n"
                       "log_min_error_statement = panic\nshared_buffers = 32MB\n")
        p.start()
        p.sql('CREATE DATABASE capdev', database='postgres')
        s = self.standby
        subprocess.run(as_owner([f'{PG_BIN}/pg_basebackup', '-h', '127.0.0.1', '-p', str(p.port),
                                 '-U', 'capdev', '-D', s.data, '-R', '-X', 'stream', '-c', 'fast']),
                       check=True, stdout=subprocess.DEVNULL)
        s.start()

    def caught_up(self, timeout=30):
        """Waits until the standby has replayed everything the primary wrote."""
        target = self.primary.sql('SELECT pg_current_wal_lsn()')
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.standby.sql(f"SELECT pg_last_wal_replay_lsn() >= '{target}'") == 't':
                return
            time.sleep(0.05)
        raise AssertionError('the standby did not catch up')

    def close(self):
        self.standby.stop('immediate')
        self.primary.stop('immediate')
        shutil.rmtree(self.root, ignore_errors=True)


class Capdev:
    """`capdev serve` on the cluster, talked to over HTTP."""

    def __init__(self, binary, db, read_db=None, extra=()):
        command = [binary, 'serve', '--db', db, '--port', '0', *extra]
        if read_db:
            command += ['--read-db', read_db]
        self.process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                        text=True)
        self.lines = []
        found = queue.Queue()

        def drain():  # keeps reading so the server never blocks on a full pipe
            for line in self.process.stdout:
                self.lines.append(line)
                match = re.search(r'listening on http://127\.0\.0\.1:(\d+)', line)
                if match:
                    found.put(int(match.group(1)))

        threading.Thread(target=drain, daemon=True).start()
        try:
            self.port = found.get(timeout=30)
        except queue.Empty:
            self.process.kill()
            raise AssertionError('capdev serve did not start:\n' + ''.join(self.lines))
        self.token = None

    def call(self, method, path, body=None, token=None, csv=None):
        """(status, parsed JSON body or None); `csv`: a spreadsheet's text as the body."""
        connection = http.client.HTTPConnection('127.0.0.1', self.port, timeout=60)
        headers = {'Content-Type': 'text/csv' if csv is not None else 'application/json'}
        token = token or self.token
        if token:
            headers['Authorization'] = 'Bearer ' + token
        data = csv.encode() if csv is not None else None if body is None else json.dumps(body)
        connection.request(method, path, body=data, headers=headers)
        response = connection.getresponse()
        data = response.read()
        connection.close()
        try:
            return response.status, json.loads(data) if data else None
        except ValueError:
            return response.status, data

    def sign_in(self, username, password):
        status, body = self.call('POST', '/api/v1/auth/login',
                                 {'username': username, 'password': password})
        assert status == 200, body
        self.token = body['token']
        return self.token

    def kill(self):
        self.process.kill()
        self.process.wait()

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()


class Nginx:
    """scripts/nginx-capdev.conf as shipped, in front of two instances: their ports,
    free ports to listen on and a throwaway certificate put in its place."""

    def __init__(self, root, sample, upstreams):
        self.dir = os.path.join(root, 'nginx')
        os.makedirs(os.path.join(self.dir, 'tmp'))
        subprocess.run(['openssl', 'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1',
                        '-subj', '/CN=capdev.example.org',
                        '-keyout', os.path.join(self.dir, 'privkey.pem'),
                        '-out', os.path.join(self.dir, 'fullchain.pem')],
                       check=True, capture_output=True)
        self.port = free_port()
        text = open(sample).read()
        for old, new in (('/etc/ssl/capdev', self.dir),
                         ('listen 80;', f'listen 127.0.0.1:{free_port()};'),
                         ('listen 443 ssl', f'listen 127.0.0.1:{self.port} ssl'),
                         ('127.0.0.1:8081', f'127.0.0.1:{upstreams[0]}'),
                         ('127.0.0.1:8082', f'127.0.0.1:{upstreams[1]}')):
            assert old in text, old
            text = text.replace(old, new)
        with open(os.path.join(self.dir, 'capdev.conf'), 'w') as f:
            f.write(text)
        temp = os.path.join(self.dir, 'tmp')
        user = 'user root;' if os.geteuid() == 0 else ''
        with open(os.path.join(self.dir, 'nginx.conf'), 'w') as f:
            f.write(f'{user} daemon off; pid {self.dir}/pid; error_log {self.dir}/error.log;\n'
                    'events {}\n'
                    f'http {{ access_log off; client_body_temp_path {temp}/body;'
                    f' proxy_temp_path {temp}/proxy; fastcgi_temp_path {temp}/fastcgi;'
                    f' uwsgi_temp_path {temp}/uwsgi; scgi_temp_path {temp}/scgi;'
                    f' include {self.dir}/capdev.conf; }}\n')
        self.process = subprocess.Popen(['/usr/sbin/nginx', '-p', self.dir, '-c',
                                         os.path.join(self.dir, 'nginx.conf')],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            with socket.socket() as s:
                if s.connect_ex(('127.0.0.1', self.port)) == 0:
                    return
            time.sleep(0.1)
        raise AssertionError('nginx did not start: ' + open(os.path.join(self.dir, 'error.log')).read())

    def call(self, method, path, body=None, token=None, forwarded_for=None):
        connection = http.client.HTTPSConnection(
            '127.0.0.1', self.port, timeout=30, context=ssl._create_unverified_context())
        headers = {'Content-Type': 'application/json', 'Host': 'capdev.example.org'}
        if token:
            headers['Authorization'] = 'Bearer ' + token
        if forwarded_for:
            headers['X-Forwarded-For'] = forwarded_for
        connection.request(method, path, body=None if body is None else json.dumps(body),
                           headers=headers)
        response = connection.getresponse()
        data = response.read()
        connection.close()
        return response.status, json.loads(data) if data else None

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=15)
