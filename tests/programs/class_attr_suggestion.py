class Config:
    timeout = 30
    def __init__(self):
        self.verbose = True
    def reload(self):
        pass
c = Config()
print(c.timeout)
c.verbos
