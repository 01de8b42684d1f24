"""Options: --capdev-bin PATH (or CAPDEV_BIN), the capdev executable."""
import os


def pytest_addoption(parser):
    parser.addoption('--capdev-bin', default=os.environ.get('CAPDEV_BIN'))
